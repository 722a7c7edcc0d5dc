import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { esimOrderLockKey } from "./purchase-esims"
import { cancelEsimIntentsStep, CancelEsimIntentsInput } from "./steps/cancel-esim-intents"
import { emitEsimCanceledEventStep } from "./steps/emit-esim-canceled-event"

export const cancelEsimsWorkflowId = "cancel-esims"

export type CancelEsimsInput = CancelEsimIntentsInput

/**
 * Cancels the eSIMs of an order's lines at esimfly and refunds them to the esimfly balance:
 * one cancel per bought batch (an esimfly order never spans two lines, so no other line is
 * touched); unbought batches are marked so they are never bought. Each outcome, refusals
 * included, is written on its intent. Takes the order's purchase lock.
 */
export const cancelEsimsWorkflow = createWorkflow(cancelEsimsWorkflowId, (input: CancelEsimsInput) => {
  const key = transform({ input }, ({ input }) => esimOrderLockKey(input.order_id))
  acquireLockStep({ key, timeout: 180, ttl: 600 })
  const cancelled = cancelEsimIntentsStep(input)
  const eventInput = transform({ input, cancelled }, ({ input, cancelled }) => ({ order_id: input.order_id, outcomes: cancelled.outcomes }))
  emitEsimCanceledEventStep(eventInput)
  releaseLockStep({ key })
  return new WorkflowResponse(cancelled)
})
