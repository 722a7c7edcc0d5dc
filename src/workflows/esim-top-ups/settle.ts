import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleEsimTopUpsStep, SettleEsimTopUpsInput } from "./steps/settle-esim-top-ups"

export const settleEsimTopUpsWorkflowId = "settle-esim-top-ups"

/** Settles top-ups whose answer was lost (from total_mb) and names the orders with top-ups left to buy or email. */
export const settleEsimTopUpsWorkflow = createWorkflow(settleEsimTopUpsWorkflowId, (input: SettleEsimTopUpsInput) => {
  return new WorkflowResponse(settleEsimTopUpsStep(input))
})
