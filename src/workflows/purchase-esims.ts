import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buyEsimOrdersStep } from "./steps/buy-esim-orders"
import { cancelEsimOrdersStep } from "./steps/cancel-esim-orders"
import { deliverEsimOrderStep } from "./steps/deliver-esim-order"
import { emitEsimOrderEventsStep } from "./steps/emit-esim-order-events"
import { lockEsimOrderStep } from "./steps/esim-order-lock"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { prepareEsimOrdersStep } from "./steps/prepare-esim-orders"

export { esimOrderLockKey } from "./utils/esim-order-lock"

export const purchaseEsimsWorkflowId = "purchase-esims"

export type PurchaseEsimsInput = { order_id: string }

/**
 * Buys the eSIMs of a placed order exactly once, stores them, emails the shopper and
 * records the Medusa fulfillment. Safe to run any number of times for an order. A
 * cancel that came while it bought is finished before anything is delivered.
 */
export const purchaseEsimsWorkflow = createWorkflow(purchaseEsimsWorkflowId, (input: PurchaseEsimsInput) => {
  const run = lockEsimOrderStep({ order_id: input.order_id, profile: true }, (lock) => {
    const prepared = prepareEsimOrdersStep({ order_id: input.order_id })
    const bought = buyEsimOrdersStep({ order_id: input.order_id, lock })
    cancelEsimOrdersStep({ order_id: input.order_id, requested_only: true })
    // The email goes before Medusa's fulfillment record, the slowest part of the run: it needs only the stored eSIMs.
    const notified = notifyEsimDeliveryStep({ order_id: input.order_id })
    const delivered = deliverEsimOrderStep({ order_id: input.order_id })
    const eventInput = transform({ input, bought, delivered }, ({ input, bought, delivered }) => ({
      order_id: input.order_id,
      outcomes: bought.outcomes,
      fulfillment_id: delivered.fulfillment_id,
    }))
    emitEsimOrderEventsStep(eventInput)
    return { prepared, bought, delivered, notified }
  })
  return new WorkflowResponse(run)
})
