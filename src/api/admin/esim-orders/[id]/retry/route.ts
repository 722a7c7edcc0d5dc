import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryEsimOrderWorkflow } from "../../../../../workflows/retry-esim-order"
import { retrieveEsimOrder } from "../../helpers"

/** Retries a held, failed or unsettled eSIM order; buys only what was not bought. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await retrieveEsimOrder(req.scope, req.params.id)
  await retryEsimOrderWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ esim_order: await retrieveEsimOrder(req.scope, req.params.id) })
}
