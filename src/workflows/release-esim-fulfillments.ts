import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseEsimFulfillmentsStep, ReleaseEsimFulfillmentsInput } from "./steps/release-esim-fulfillments"

export const releaseEsimFulfillmentsWorkflowId = "release-esim-fulfillments"

/**
 * Lets Medusa cancel an order whose eSIMs were delivered: marks the order's open esimfly
 * fulfillments canceled when nothing else blocks the cancel. Run it right before
 * `cancelOrderWorkflow` (the plugin does so for `POST /admin/orders/:id/cancel`); the
 * `order.canceled` subscriber then cancels the eSIMs at esimfly.
 */
export const releaseEsimFulfillmentsWorkflow = createWorkflow(
  releaseEsimFulfillmentsWorkflowId,
  (input: ReleaseEsimFulfillmentsInput) => {
    return new WorkflowResponse(releaseEsimFulfillmentsStep(input))
  }
)
