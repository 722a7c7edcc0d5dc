import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createAndLinkProductOptionsToProductWorkflow } from "@medusajs/medusa/core-flows"
import { PlanValues } from "../types"

export const addEsimPlanValuesStepId = "add-esim-plan-values"

/**
 * Adds the "Plan" values new variants need to a synced product's option (Medusa only lets
 * a variant use values its product has). Values are only ever added, so nothing is undone.
 */
export const addEsimPlanValuesStep = createStep(addEsimPlanValuesStepId, async (input: PlanValues[], { container }) => {
  for (const { product_id, option_id, values } of input) {
    await createAndLinkProductOptionsToProductWorkflow(container).run({
      input: { product_id, update: [{ product_option_id: option_id, add: values.map((value) => ({ value })) }] },
    })
  }
  return new StepResponse(input.length)
})
