import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolvePendingEsimsWorkflow } from "./resolve-pending-esims"
import { notifyEsimUsageLowStep } from "./steps/notify-esim-usage-low"
import { ProcessEsimflyWebhooksInput, processEsimflyWebhooksStep } from "./steps/process-esimfly-webhooks"

export const processEsimflyWebhookWorkflowId = "process-esimfly-webhook"

/**
 * Applies stored esimfly webhook events to the eSIMs they name, never moving one backwards.
 * An `esim.provisioned` for a pending eSIM order makes it due and runs the resolve-pending
 * path at once, so the purchase settles without waiting for the next poll. A usage threshold
 * that updated the data mirror emails `esim-usage-low` once per threshold.
 */
export const processEsimflyWebhookWorkflow = createWorkflow(
  processEsimflyWebhookWorkflowId,
  (input: ProcessEsimflyWebhooksInput) => {
    const processed = processEsimflyWebhooksStep(input)
    when({ processed }, ({ processed }) => processed.settles).then(() => {
      resolvePendingEsimsWorkflow.runAsStep({ input: {} })
    })
    const webhook_event_ids = transform({ processed }, ({ processed }) =>
      processed.outcomes.filter((outcome) => outcome.status === "processed").map((outcome) => outcome.id)
    )
    notifyEsimUsageLowStep({ webhook_event_ids })
    return new WorkflowResponse(processed)
  }
)
