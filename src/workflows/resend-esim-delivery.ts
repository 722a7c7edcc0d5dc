import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { lockEsimOrderStep } from "./steps/esim-order-lock"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { esimOrderOrderId } from "./utils/medusa-order-id"

export const resendEsimDeliveryWorkflowId = "resend-esim-delivery"

export type ResendEsimDeliveryInput = { id: string }

/** Sends the delivery email of an eSIM order's order again, with a fresh guest link, under the order's lock. */
export const resendEsimDeliveryWorkflow = createWorkflow(
  resendEsimDeliveryWorkflowId,
  (input: ResendEsimDeliveryInput) => {
    const orderId = esimOrderOrderId(input.id)
    const notified = lockEsimOrderStep({ order_id: orderId }, () =>
      notifyEsimDeliveryStep({ order_id: orderId, resend: true })
    )
    return new WorkflowResponse(notified)
  }
)
