import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelEsimIntentsStep, CancelEsimIntentsInput } from "./steps/cancel-esim-orders"
import { emitEsimCanceledEventStep } from "./steps/emit-esim-canceled-event"
import { acquireEsimOrderLockStep, releaseEsimOrderLockStep } from "./steps/esim-order-lock"
import { requestEsimCancelStep } from "./steps/request-esim-cancel"

export const cancelEsimsWorkflowId = "cancel-esims"

export type CancelEsimsInput = CancelEsimIntentsInput

/**
 * Cancels the eSIMs of an order's lines at esimfly and refunds them to the esimfly balance:
 * one cancel per bought batch (an esimfly order never spans two lines, so no other line is
 * touched); unbought batches are marked so they are never bought. The cancel is recorded on
 * the intents before the order's lock is waited for, so it wins even when the lock is never
 * had: the reconcile job then finishes it. Each outcome, refusals included, is written on its intent.
 */
export const cancelEsimsWorkflow = createWorkflow(cancelEsimsWorkflowId, (input: CancelEsimsInput) => {
  requestEsimCancelStep(input)
  const lock = acquireEsimOrderLockStep({ order_id: input.order_id })
  const cancelled = cancelEsimIntentsStep(input)
  const eventInput = transform({ input, cancelled }, ({ input, cancelled }) => ({ order_id: input.order_id, outcomes: cancelled.outcomes }))
  emitEsimCanceledEventStep(eventInput)
  releaseEsimOrderLockStep(lock)
  return new WorkflowResponse(cancelled)
})
