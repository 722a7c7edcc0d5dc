import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resendEsimDeliveryWorkflow } from "../../../../../workflows/resend-esim-delivery"
import { retrieveEsimOrder } from "../../helpers"

/** Sends the order's eSIM delivery email again, with a fresh guest link. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await retrieveEsimOrder(req.scope, req.params.id)
  const { result } = await resendEsimDeliveryWorkflow(req.scope).run({ input: { id: req.params.id } })
  if (result.status === "skipped") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `nothing to resend: ${result.reason}`)
  }
  if (result.status === "failed") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `the email provider failed: ${result.reason}`)
  }
  res.json({ notification: result })
}
