import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findMissedEsimOrdersStep } from "./steps/find-missed-esim-orders"
import { findUndeliveredEsimOrdersStep } from "./steps/find-undelivered-esim-orders"
import { runEsimPurchasesStep } from "./steps/run-esim-purchases"
import { runEsimTopUpBuysStep } from "./steps/run-esim-top-up-buys"

export const catchUpEsimOrdersWorkflowId = "catch-up-esim-orders"

export type CatchUpEsimOrdersInput = {
  now?: string
  grace_ms?: number
  lookback_ms?: number
  limit?: number
  page_size?: number
}

/**
 * Buys the eSIMs and the top-ups of placed orders whose `order.placed` never arrived, and records
 * the fulfillment of bought eSIMs whose delivery never got recorded. All run idempotent workflows.
 */
export const catchUpEsimOrdersWorkflow = createWorkflow(
  catchUpEsimOrdersWorkflowId,
  (input: CatchUpEsimOrdersInput) => {
    const window = transform({ input }, ({ input }) => ({
      now: input.now ?? new Date().toISOString(),
      grace_ms: input.grace_ms ?? 2 * 60 * 1000,
      lookback_ms: input.lookback_ms ?? 7 * 24 * 60 * 60 * 1000,
      limit: input.limit ?? 200,
      page_size: input.page_size ?? 200,
    }))
    const missed = findMissedEsimOrdersStep(window)
    const undelivered = findUndeliveredEsimOrdersStep(window)
    const orders = transform({ missed, undelivered }, ({ missed, undelivered }) => ({
      order_ids: [...new Set([...missed.order_ids, ...undelivered.order_ids])],
      purpose: "catching up order",
    }))
    const run = runEsimPurchasesStep(orders)
    const missedTopUps = transform({ missed }, ({ missed }) => ({ order_ids: missed.top_up_order_ids }))
    const topUps = runEsimTopUpBuysStep(missedTopUps)
    return new WorkflowResponse(
      transform({ run, topUps }, ({ run, topUps }) => ({
        caught_up: run.done,
        failed: run.failed.map(({ order_id }) => order_id),
        caught_up_top_ups: topUps.done,
      }))
    )
  }
)
