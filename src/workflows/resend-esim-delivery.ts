import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireEsimOrderLockStep, releaseEsimOrderLockStep } from "./steps/esim-order-lock"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { esimOrderOrderId } from "./utils/medusa-order-id"

export const resendEsimDeliveryWorkflowId = "resend-esim-delivery"

export type ResendEsimDeliveryInput = { id: string }

/** Sends the delivery email of an eSIM order's order again, with a fresh guest link, under the order's lock. */
export const resendEsimDeliveryWorkflow = createWorkflow(resendEsimDeliveryWorkflowId, (input: ResendEsimDeliveryInput) => {
  const orderId = esimOrderOrderId(input.id)
  const lock = acquireEsimOrderLockStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId })))
  const notified = notifyEsimDeliveryStep({ order_id: orderId, resend: true })
  releaseEsimOrderLockStep(lock)
  return new WorkflowResponse(notified)
})
