import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyExpiringEsimsStep } from "./steps/notify-expiring-esims"

export const notifyExpiringEsimsWorkflowId = "notify-expiring-esims"

/** Tells shoppers a day ahead that an eSIM expires, once per expiry date. */
export const notifyExpiringEsimsWorkflow = createWorkflow(notifyExpiringEsimsWorkflowId, (input: { now?: string }) => {
  return new WorkflowResponse(notifyExpiringEsimsStep(input))
})
