import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { esimOrderLockKey } from "./purchase-esims"
import { cancelEsimIntentsStep } from "./steps/cancel-esim-intents"
import { emitEsimCanceledEventStep } from "./steps/emit-esim-canceled-event"
import { planReturnedEsimLinesStep } from "./steps/plan-returned-esim-lines"

export const cancelReturnedEsimsWorkflowId = "cancel-returned-esims"

export type CancelReturnedEsimsInput = { order_id: string; return_id: string }

/**
 * Cancels at esimfly the eSIM lines a received return (or the return of a claim or an
 * exchange) brings back in full; lines returned in part only get a note. Takes the
 * order's purchase lock, like every eSIM workflow of an order.
 */
export const cancelReturnedEsimsWorkflow = createWorkflow(cancelReturnedEsimsWorkflowId, (input: CancelReturnedEsimsInput) => {
  const key = transform({ input }, ({ input }) => esimOrderLockKey(input.order_id))
  acquireLockStep({ key, timeout: 180, ttl: 600 })
  const plan = planReturnedEsimLinesStep(input)
  const cancelInput = transform({ input, plan }, ({ input, plan }) => ({ order_id: input.order_id, line_item_ids: plan.line_item_ids }))
  const cancelled = cancelEsimIntentsStep(cancelInput)
  const eventInput = transform({ input, cancelled }, ({ input, cancelled }) => ({ order_id: input.order_id, outcomes: cancelled.outcomes }))
  emitEsimCanceledEventStep(eventInput)
  releaseLockStep({ key })
  return new WorkflowResponse(cancelled)
})
