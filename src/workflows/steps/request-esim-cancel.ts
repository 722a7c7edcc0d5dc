import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { CancelEsimOrdersInput } from "./cancel-esim-orders"

export const requestEsimCancelStepId = "request-esim-cancel"

/**
 * Records the cancel on the eSIM orders at once, before the order's lock is waited for: from
 * here on no run buys, adopts, delivers or emails them, and the reconcile job finishes the
 * cancel if the lock is never had. Nothing to compensate: a cancel asked for stays asked for.
 */
export const requestEsimCancelStep = createStep(
  requestEsimCancelStepId,
  async (input: CancelEsimOrdersInput, { container }) => {
    if (input.line_item_ids?.length === 0 || input.esim_order_ids?.length === 0) {
      return new StepResponse({ order_id: input.order_id })
    }
    const selector = {
      order_id: input.order_id,
      ...(input.line_item_ids ? { line_item_id: input.line_item_ids } : {}),
      ...(input.esim_order_ids ? { id: input.esim_order_ids } : {}),
    }
    await container.resolve<EsimModuleService>(ESIM_MODULE).requestEsimOrdersCancel(selector, new Date())
    return new StepResponse({ order_id: input.order_id })
  }
)
