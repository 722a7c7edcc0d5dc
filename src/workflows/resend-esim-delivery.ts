import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"

export const resendEsimDeliveryWorkflowId = "resend-esim-delivery"

export type ResendEsimDeliveryInput = { id: string }

/** Sends the delivery email of an intent's order again, with a fresh guest link. */
export const resendEsimDeliveryWorkflow = createWorkflow(resendEsimDeliveryWorkflowId, (input: ResendEsimDeliveryInput) => {
  const { data: intents } = useQueryGraphStep({
    entity: "esim_order",
    fields: ["id", "order_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const orderId = transform({ intents }, ({ intents }) => intents[0].order_id as string)
  const notified = notifyEsimDeliveryStep({ order_id: orderId, resend: true })
  return new WorkflowResponse(notified)
})
