import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buyEsimTopUpsStep } from "./steps/buy-esim-top-ups"
import { notifyEsimTopUpsStep } from "./steps/notify-esim-top-ups"
import { recordEsimTopUpsStep } from "./steps/record-esim-top-ups"

export const buyEsimTopUpsWorkflowId = "buy-esim-top-ups"

export type BuyEsimTopUpsInput = { order_id: string }

/**
 * Buys the top-ups of a placed order exactly once and emails the shopper: each top-up line
 * is recorded before its one `POST /topup/order`. Safe to run any number of times for an
 * order without a lock: the unique line key and the guarded claims keep each top-up bought
 * once, and an order's eSIM purchase (which takes the order's lock) never waits for it.
 */
export const buyEsimTopUpsWorkflow = createWorkflow(buyEsimTopUpsWorkflowId, (input: BuyEsimTopUpsInput) => {
  const recorded = recordEsimTopUpsStep({ order_id: input.order_id })
  const bought = buyEsimTopUpsStep({ order_id: input.order_id })
  const notified = notifyEsimTopUpsStep({ order_id: input.order_id })
  return new WorkflowResponse({ recorded, bought, notified })
})
