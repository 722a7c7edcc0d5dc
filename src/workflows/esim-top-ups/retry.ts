import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buyEsimTopUpsStep } from "./steps/buy-esim-top-ups"
import { notifyEsimTopUpsStep } from "./steps/notify-esim-top-ups"
import { requeueEsimTopUpStep } from "./steps/requeue-esim-top-up"

export const retryEsimTopUpWorkflowId = "retry-esim-top-up"

/** Releases a hold: the admin's retry sends a held top-up once more, exactly as at order.placed. */
export const retryEsimTopUpWorkflow = createWorkflow(retryEsimTopUpWorkflowId, (input: { id: string }) => {
  const requeued = requeueEsimTopUpStep(input)
  const bought = buyEsimTopUpsStep(requeued)
  const notified = notifyEsimTopUpsStep(requeued)
  return new WorkflowResponse({ bought, notified })
})
