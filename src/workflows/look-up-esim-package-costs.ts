import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findEsimPackageCodesToLookUpStep, FindEsimPackageCodesToLookUpInput } from "./steps/find-esim-package-codes-to-look-up"
import { searchEsimPackageCostsStep } from "./steps/search-esim-package-costs"

export const lookUpEsimPackageCostsWorkflowId = "look-up-esim-package-costs"

/** `package_codes`: the codes to consider (a saved variant's); without them, every code a variant maps to. */
export type LookUpEsimPackageCostsInput = FindEsimPackageCodesToLookUpInput

/**
 * Fills the package-cost mirror for codes the catalogue sync does not cover (hand-mapped
 * variants): one esimfly search per code the mirror lacks or holds too long, a few per run.
 * Runs from a job and on variant saves, never inside a shopper's request.
 */
export const lookUpEsimPackageCostsWorkflow = createWorkflow(lookUpEsimPackageCostsWorkflowId, (input: LookUpEsimPackageCostsInput) => {
  const codes = findEsimPackageCodesToLookUpStep(input)
  return new WorkflowResponse(searchEsimPackageCostsStep(codes))
})
