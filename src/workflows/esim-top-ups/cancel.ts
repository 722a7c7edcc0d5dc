import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestTopUpsCancel } from "./cancel-state"

export const cancelEsimTopUpsStepId = "cancel-esim-top-ups"
export const cancelEsimTopUpsWorkflowId = "cancel-esim-top-ups"

/** Records the cancel on the order's top-ups and closes those not bought; a cancel is never undone. */
export const cancelEsimTopUpsStep = createStep(
  cancelEsimTopUpsStepId,
  async ({ order_id }: { order_id: string }, { container }) => {
    return new StepResponse({ canceled: await requestTopUpsCancel(container, order_id) })
  }
)

/** A canceled order's top-ups not bought yet are `canceled` and never bought; bought ones stay (no esimfly call). */
export const cancelEsimTopUpsWorkflow = createWorkflow(cancelEsimTopUpsWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(cancelEsimTopUpsStep(input))
})
