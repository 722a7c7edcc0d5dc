import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelEsimOrdersStep } from "./steps/cancel-esim-orders"
import { emitEsimCanceledEventStep } from "./steps/emit-esim-canceled-event"
import { acquireEsimOrderLockStep, releaseEsimOrderLockStep } from "./steps/esim-order-lock"
import { planReturnedEsimLinesStep } from "./steps/plan-returned-esim-lines"
import { requestEsimCancelStep } from "./steps/request-esim-cancel"

export const cancelReturnedEsimsWorkflowId = "cancel-returned-esims"

export type CancelReturnedEsimsInput = { order_id: string; return_id: string }

/**
 * Cancels at esimfly the eSIM lines a received return (or the return of a claim or an
 * exchange) brings back in full; lines returned in part only get a note. The cancel is
 * recorded before the order's lock is waited for, like every eSIM cancel.
 */
export const cancelReturnedEsimsWorkflow = createWorkflow(cancelReturnedEsimsWorkflowId, (input: CancelReturnedEsimsInput) => {
  const plan = planReturnedEsimLinesStep(input)
  const cancelInput = transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, line_item_ids: plan.line_item_ids }))
  requestEsimCancelStep(cancelInput)
  const lock = acquireEsimOrderLockStep({ order_id: input.order_id })
  const canceled = cancelEsimOrdersStep(cancelInput)
  const eventInput = transform({ input, canceled }, ({ input, canceled }) => ({ order_id: input.order_id, outcomes: canceled.outcomes }))
  emitEsimCanceledEventStep(eventInput)
  releaseEsimOrderLockStep(lock)
  return new WorkflowResponse(canceled)
})
