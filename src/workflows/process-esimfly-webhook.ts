import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolvePendingEsimsWorkflow } from "./resolve-pending-esims"
import { ProcessEsimflyWebhooksInput, processEsimflyWebhooksStep } from "./steps/process-esimfly-webhooks"

export const processEsimflyWebhookWorkflowId = "process-esimfly-webhook"

/**
 * Applies stored esimfly webhook events to the eSIMs they name, never moving one backwards.
 * An `esim.provisioned` for a pending eSIM order makes it due and runs the resolve-pending
 * path at once, so the purchase settles without waiting for the next poll.
 */
export const processEsimflyWebhookWorkflow = createWorkflow(
  processEsimflyWebhookWorkflowId,
  (input: ProcessEsimflyWebhooksInput) => {
    const processed = processEsimflyWebhooksStep(input)
    when({ processed }, ({ processed }) => processed.settles).then(() => {
      resolvePendingEsimsWorkflow.runAsStep({ input: {} })
    })
    return new WorkflowResponse(processed)
  }
)
