import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { finishEsimCancelsStep } from "./steps/finish-esim-cancels"
import {
  settleUnknownEsimOrdersStep,
  SettleUnknownEsimOrdersInput,
  SettleUnknownEsimOrdersOutput,
} from "./steps/settle-unknown-esim-orders"

export const reconcileEsimOrdersWorkflowId = "reconcile-esim-orders"

export type ReconcileEsimOrdersInput = SettleUnknownEsimOrdersInput

export type ReconcileEsimOrdersOutput = SettleUnknownEsimOrdersOutput

/** How far back the cancel catch-up looks for canceled orders whose event was lost. */
const CANCEL_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Reconciles the plugin's unknown purchases against esimfly, then finishes every cancel that
 * was asked for but not done (scheduled; also runnable by hand).
 */
export const reconcileEsimOrdersWorkflow = createWorkflow(
  reconcileEsimOrdersWorkflowId,
  (input: ReconcileEsimOrdersInput) => {
    const settled = settleUnknownEsimOrdersStep(input)
    const window = transform({ input, settled }, ({ input }) => ({
      now: input.now ?? new Date().toISOString(),
      lookback_ms: CANCEL_LOOKBACK_MS,
    }))
    const cancels = finishEsimCancelsStep(window)
    return new WorkflowResponse(
      transform({ settled, cancels }, ({ settled, cancels }) => ({ ...settled, cancels: cancels.orders }))
    )
  }
)
