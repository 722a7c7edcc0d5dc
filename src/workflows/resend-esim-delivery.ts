import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { intentOrderId } from "./utils/intent-order-id"

export const resendEsimDeliveryWorkflowId = "resend-esim-delivery"

export type ResendEsimDeliveryInput = { id: string }

/** Sends the delivery email of an intent's order again, with a fresh guest link. */
export const resendEsimDeliveryWorkflow = createWorkflow(resendEsimDeliveryWorkflowId, (input: ResendEsimDeliveryInput) => {
  const orderId = intentOrderId(input.id)
  const notified = notifyEsimDeliveryStep({ order_id: orderId, resend: true })
  return new WorkflowResponse(notified)
})
