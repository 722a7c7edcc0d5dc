import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { buyEsimIntentsStep } from "./steps/buy-esim-intents"
import { deliverEsimOrderStep } from "./steps/deliver-esim-order"
import { emitEsimOrderEventsStep } from "./steps/emit-esim-order-events"
import { notifyEsimDeliveryStep } from "./steps/notify-esim-delivery"
import { prepareEsimIntentsStep } from "./steps/prepare-esim-intents"

export const purchaseEsimsWorkflowId = "purchase-esims"

export type PurchaseEsimsInput = { order_id: string }

/** The lock every eSIM purchase of one order takes, so concurrent runs buy nothing twice. */
export const esimOrderLockKey = (orderId: string) => `esim-purchase:${orderId}`

/**
 * Buys the eSIMs of a placed order exactly once, stores them, records the Medusa
 * fulfillment and emails the shopper. Safe to run any number of times for an order.
 */
export const purchaseEsimsWorkflow = createWorkflow(purchaseEsimsWorkflowId, (input: PurchaseEsimsInput) => {
  const key = transform({ input }, ({ input }) => esimOrderLockKey(input.order_id))
  acquireLockStep({ key, timeout: 180, ttl: 600 })
  const prepared = prepareEsimIntentsStep({ order_id: input.order_id })
  const bought = buyEsimIntentsStep({ order_id: input.order_id })
  const delivered = deliverEsimOrderStep({ order_id: input.order_id })
  const notified = notifyEsimDeliveryStep({ order_id: input.order_id })
  const eventInput = transform({ input, bought, delivered }, ({ input, bought, delivered }) => ({
    order_id: input.order_id,
    outcomes: bought.outcomes,
    fulfillment_id: delivered.fulfillment_id,
  }))
  emitEsimOrderEventsStep(eventInput)
  releaseLockStep({ key })
  return new WorkflowResponse({ prepared, bought, delivered, notified })
})
