import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyEsimUsageLowStep } from "./steps/notify-esim-usage-low"
import { syncEsimUsageStep } from "./steps/sync-esim-usage"

export const syncEsimUsageWorkflowId = "sync-esim-usage"

/** Mirrors the data and status of the account's ACTIVE eSIMs from esimfly's list, then emails newly crossed thresholds. */
export const syncEsimUsageWorkflow = createWorkflow(syncEsimUsageWorkflowId, (input: { now?: string }) => {
  const synced = syncEsimUsageStep(input)
  const iccids = transform({ synced }, ({ synced }) => synced.changed)
  notifyEsimUsageLowStep({ iccids })
  return new WorkflowResponse(synced)
})
