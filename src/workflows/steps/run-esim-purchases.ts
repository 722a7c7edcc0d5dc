import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purchaseEsimsWorkflow } from "../purchase-esims"

export const runEsimPurchasesStepId = "run-esim-purchases"

export type RunEsimPurchasesInput = {
  order_ids: string[]
  /** What the run is for, in its failure log line: "catching up order", "delivering the resolved eSIMs of order". */
  purpose: string
}

export type RunEsimPurchasesOutput = { done: string[]; failed: { order_id: string; message: string }[] }

/**
 * Runs the purchase workflow for each order, one at a time; one failure is logged and does not
 * stop the rest. That workflow is idempotent, takes the order's lock itself and never re-buys a
 * `pending_details` or settled eSIM order, so it buys what is missing and delivers what is bought.
 */
export const runEsimPurchasesStep = createStep(
  runEsimPurchasesStepId,
  async ({ order_ids, purpose }: RunEsimPurchasesInput, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const output: RunEsimPurchasesOutput = { done: [], failed: [] }
    for (const order_id of order_ids) {
      try {
        await purchaseEsimsWorkflow(container).run({ input: { order_id } })
        output.done.push(order_id)
      } catch (error) {
        const message = (error as Error).message
        logger.error(`esimfly: ${purpose} ${order_id} failed: ${message}`)
        output.failed.push({ order_id, message })
      }
    }
    return new StepResponse(output)
  }
)
