import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notifyEsimUsageLowStep } from "./steps/notify-esim-usage-low"
import { RefreshEsimUsageInput, refreshEsimUsageStep } from "./steps/refresh-esim-usage"

export const refreshEsimUsageWorkflowId = "refresh-esim-usage"

/** Refreshes one eSIM's data mirror (at most once per cache window) and emails a threshold it newly crossed. */
export const refreshEsimUsageWorkflow = createWorkflow(refreshEsimUsageWorkflowId, (input: RefreshEsimUsageInput) => {
  const refresh = refreshEsimUsageStep(input)
  const iccids = transform({ refresh }, ({ refresh }) => (refresh.refreshed ? [refresh.profile.iccid] : []))
  notifyEsimUsageLowStep({ iccids })
  return new WorkflowResponse(refresh)
})
