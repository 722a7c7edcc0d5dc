import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buyEsimTopUpsWorkflow } from "../esim-top-ups"

export const runEsimTopUpBuysStepId = "run-esim-top-up-buys"

/**
 * Runs the top-up workflow for each order, one at a time; one failure is logged and does not stop
 * the rest. That workflow records each line once and sends each top-up at most once.
 */
export const runEsimTopUpBuysStep = createStep(
  runEsimTopUpBuysStepId,
  async ({ order_ids }: { order_ids: string[] }, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const done: string[] = []
    for (const order_id of order_ids) {
      try {
        await buyEsimTopUpsWorkflow(container).run({ input: { order_id } })
        done.push(order_id)
      } catch (error) {
        logger.error(`esimfly: catching up the top-ups of order ${order_id} failed: ${(error as Error).message}`)
      }
    }
    return new StepResponse({ done })
  }
)
