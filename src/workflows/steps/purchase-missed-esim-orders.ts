import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purchaseEsimsWorkflow } from "../purchase-esims"

export const purchaseMissedEsimOrdersStepId = "purchase-missed-esim-orders"

/** Runs the (idempotent) purchase for each missed order, one at a time; one failure does not stop the rest. */
export const purchaseMissedEsimOrdersStep = createStep(
  purchaseMissedEsimOrdersStepId,
  async ({ order_ids }: { order_ids: string[] }, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const caught_up: string[] = []
    const failed: string[] = []
    for (const order_id of order_ids) {
      try {
        await purchaseEsimsWorkflow(container).run({ input: { order_id } })
        caught_up.push(order_id)
      } catch (error) {
        logger.error(`esimfly: catching up order ${order_id} failed: ${(error as Error).message}`)
        failed.push(order_id)
      }
    }
    return new StepResponse({ caught_up, failed })
  }
)
