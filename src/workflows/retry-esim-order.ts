import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buyEsimOrdersStep } from "./steps/buy-esim-orders"
import { cancelEsimOrdersStep } from "./steps/cancel-esim-orders"
import { deliverEsimOrderStep } from "./steps/deliver-esim-order"
import { emitEsimOrderEventsStep } from "./steps/emit-esim-order-events"
import { lockEsimOrderStep } from "./steps/esim-order-lock"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { requeueEsimOrderStep } from "./steps/requeue-esim-order"
import { esimOrderOrderId } from "./utils/medusa-order-id"

export const retryEsimOrderWorkflowId = "retry-esim-order"

export type RetryEsimOrderInput = {
  id: string
  /** Reconciliation only: settle the eSIM order if it is still `purchasing` from an attempt at or before this (ISO date). */
  interrupted_before?: string
}

/**
 * Retries one held, failed or unsettled eSIM order: it buys only what was not bought, then
 * delivers and notifies like the first run; a canceled order's eSIM order is settled and
 * canceled, never bought or sent. Takes the same order lock as the purchase.
 */
export const retryEsimOrderWorkflow = createWorkflow(retryEsimOrderWorkflowId, (input: RetryEsimOrderInput) => {
  const orderId = esimOrderOrderId(input.id)
  const bought = lockEsimOrderStep({ order_id: orderId }, (lock) => {
    requeueEsimOrderStep({ id: input.id, interrupted_before: input.interrupted_before })
    const buyInput = transform({ orderId, input, lock }, ({ orderId, input, lock }) => ({
      order_id: orderId,
      esim_order_ids: [input.id],
      lock,
    }))
    const bought = buyEsimOrdersStep(buyInput)
    cancelEsimOrdersStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId, requested_only: true })))
    const delivered = deliverEsimOrderStep({ order_id: orderId })
    notifyEsimDeliveryStep({ order_id: orderId })
    const eventInput = transform({ orderId, bought, delivered }, ({ orderId, bought, delivered }) => ({
      order_id: orderId,
      outcomes: bought.outcomes,
      fulfillment_id: delivered.fulfillment_id,
    }))
    emitEsimOrderEventsStep(eventInput)
    return bought
  })
  return new WorkflowResponse({ bought })
})
