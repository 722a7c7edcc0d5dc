import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelEsimOrdersStep, CancelEsimOrdersInput } from "./steps/cancel-esim-orders"
import { emitEsimCanceledEventStep } from "./steps/emit-esim-canceled-event"
import { lockEsimOrderStep } from "./steps/esim-order-lock"
import { requestEsimCancelStep } from "./steps/request-esim-cancel"

export const cancelEsimsWorkflowId = "cancel-esims"

export type CancelEsimsInput = CancelEsimOrdersInput

/** The steps of every eSIM cancel: recorded first, then done and announced under the order's lock. */
export function cancelEsimLines(input: WorkflowData<CancelEsimsInput>) {
  requestEsimCancelStep(input)
  return lockEsimOrderStep({ order_id: input.order_id }, () => {
    const canceled = cancelEsimOrdersStep(input)
    emitEsimCanceledEventStep(
      transform({ input, canceled }, ({ input, canceled }) => ({
        order_id: input.order_id,
        outcomes: canceled.outcomes,
      }))
    )
    return canceled
  })
}

/**
 * Cancels the eSIMs of an order's lines at esimfly and refunds them to the esimfly balance:
 * one cancel per bought batch (an esimfly order never spans two lines, so no other line is
 * touched); unbought batches are marked so they are never bought. The cancel is recorded on
 * the eSIM orders before the order's lock is waited for, so it wins even when the lock is never
 * had: the reconcile job then finishes it. Each outcome, refusals included, is written on its eSIM order.
 */
export const cancelEsimsWorkflow = createWorkflow(cancelEsimsWorkflowId, (input: WorkflowData<CancelEsimsInput>) => {
  return new WorkflowResponse(cancelEsimLines(input))
})
