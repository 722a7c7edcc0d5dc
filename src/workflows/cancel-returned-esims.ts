import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelEsimLines } from "./cancel-esims"
import { planReturnedEsimLinesStep } from "./steps/plan-returned-esim-lines"

export const cancelReturnedEsimsWorkflowId = "cancel-returned-esims"

export type CancelReturnedEsimsInput = { order_id: string; return_id: string }

/**
 * Cancels at esimfly the eSIM lines a received return (or the return of a claim or an
 * exchange) brings back in full; lines returned in part only get a note. The cancel is
 * recorded before the order's lock is waited for, like every eSIM cancel.
 */
export const cancelReturnedEsimsWorkflow = createWorkflow(
  cancelReturnedEsimsWorkflowId,
  (input: CancelReturnedEsimsInput) => {
    const plan = planReturnedEsimLinesStep(input)
    const cancelInput = transform({ input, plan }, ({ input, plan }) => ({
      order_id: input.order_id,
      line_item_ids: plan.line_item_ids,
    }))
    return new WorkflowResponse(cancelEsimLines(cancelInput))
  }
)
