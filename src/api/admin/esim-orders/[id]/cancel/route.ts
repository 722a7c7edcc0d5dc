import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cancelEsimsWorkflow } from "../../../../../workflows/cancel-esims"
import { retrieveEsimOrder } from "../../helpers"

const NOTHING_LEFT = ["nothing_to_cancel", "unchanged"]

/** Cancels this eSIM order's eSIMs at esimfly (its whole batch, one line only); the outcome is on the eSIM order. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const esimOrder = await retrieveEsimOrder(req.scope, req.params.id)
  const input = { order_id: esimOrder.order_id, esim_order_ids: [esimOrder.id] }
  const { result } = await cancelEsimsWorkflow(req.scope).run({ input })
  const [outcome] = result.outcomes
  if (!outcome || NOTHING_LEFT.includes(outcome.outcome)) {
    const why = outcome?.message ?? "it was canceled before it was bought"
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `eSIM order ${esimOrder.id} has nothing left to cancel: ${why}`
    )
  }
  res.json({
    esim_order: await retrieveEsimOrder(req.scope, esimOrder.id),
    cancel: { outcome: outcome.outcome, message: outcome.message },
  })
}
