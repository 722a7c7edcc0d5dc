import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { runEsimPurchasesStep } from "./steps/run-esim-purchases"
import { resolvePendingEsimOrdersStep } from "./steps/resolve-pending-esim-orders"

export const resolvePendingEsimsWorkflowId = "resolve-pending-esims"

export type ResolvePendingEsimsInput = {
  /** ISO date to resolve at (default: now); lets tests move the clock. */
  now?: string
}

/** One resolve run at a time, so two runs never poll or store the same eSIM order twice. */
export const RESOLVE_PENDING_ESIMS_LOCK_KEY = "esim-resolve-pending"

/**
 * Polls esimfly for eSIMs that were still being provisioned at purchase, flags those
 * pending too long, then fulfils and emails every order whose pending eSIMs settled.
 */
export const resolvePendingEsimsWorkflow = createWorkflow(
  resolvePendingEsimsWorkflowId,
  (input: ResolvePendingEsimsInput) => {
    acquireLockStep({ key: RESOLVE_PENDING_ESIMS_LOCK_KEY, timeout: 60, ttl: 600 })
    const resolved = resolvePendingEsimOrdersStep({ now: input.now })
    releaseLockStep({ key: RESOLVE_PENDING_ESIMS_LOCK_KEY })
    const orders = transform({ resolved }, ({ resolved }) => ({
      order_ids: resolved.order_ids,
      purpose: "delivering the resolved eSIMs of order",
    }))
    const run = runEsimPurchasesStep(orders)
    const delivered = transform({ run }, ({ run }) => ({ delivered: run.done, failed: run.failed }))
    return new WorkflowResponse({ resolved, delivered })
  }
)
