import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  findEsimPackageCodesToLookUpStep,
  FindEsimPackageCodesToLookUpInput,
} from "./steps/find-esim-package-codes-to-look-up"
import { searchEsimPackageCostsStep } from "./steps/search-esim-package-costs"

export const lookUpEsimPackageCostsWorkflowId = "look-up-esim-package-costs"

/** `package_codes`: the codes to consider (a saved variant's); without them, every code a variant maps to. */
export type LookUpEsimPackageCostsInput = FindEsimPackageCodesToLookUpInput

/**
 * One lookup at a time across processes that share a locking provider: a run picks its codes
 * after the one before it has mirrored its own, so two saves of one new code search once, and a
 * burst of saves spends the rate limit one search after another.
 */
export const LOOK_UP_ESIM_PACKAGE_COSTS_LOCK_KEY = "esim-package-cost-lookup"

/**
 * Fills the package-cost mirror for codes the catalogue sync does not cover (hand-mapped
 * variants): one esimfly search per code the mirror lacks or holds too long, a few per run.
 * Runs from a job and on variant saves, never inside a shopper's request.
 */
export const lookUpEsimPackageCostsWorkflow = createWorkflow(
  lookUpEsimPackageCostsWorkflowId,
  (input: LookUpEsimPackageCostsInput) => {
    acquireLockStep({ key: LOOK_UP_ESIM_PACKAGE_COSTS_LOCK_KEY, timeout: 120, ttl: 600 })
    const codes = findEsimPackageCodesToLookUpStep(input)
    const result = searchEsimPackageCostsStep(codes)
    releaseLockStep({ key: LOOK_UP_ESIM_PACKAGE_COSTS_LOCK_KEY })
    return new WorkflowResponse(result)
  }
)
