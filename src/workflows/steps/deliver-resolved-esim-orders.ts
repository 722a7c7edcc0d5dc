import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purchaseEsimsWorkflow } from "../purchase-esims"

export const deliverResolvedEsimOrdersStepId = "deliver-resolved-esim-orders"

export type DeliverResolvedEsimOrdersInput = { order_ids: string[] }

export type DeliverResolvedEsimOrdersOutput = {
  delivered: string[]
  failed: { order_id: string; message: string }[]
}

/**
 * Runs the purchase workflow for each order whose pending eSIMs settled, so they are
 * fulfilled and emailed exactly like eSIMs bought at once. That workflow is idempotent,
 * takes the order's lock itself and never re-buys a `pending_details` or settled eSIM order.
 */
export const deliverResolvedEsimOrdersStep = createStep(
  deliverResolvedEsimOrdersStepId,
  async ({ order_ids }: DeliverResolvedEsimOrdersInput, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const output: DeliverResolvedEsimOrdersOutput = { delivered: [], failed: [] }
    for (const order_id of order_ids) {
      try {
        await purchaseEsimsWorkflow(container).run({ input: { order_id } })
        output.delivered.push(order_id)
      } catch (error) {
        const message = (error as Error).message
        logger.error(`esimfly: delivering the resolved eSIMs of order ${order_id} failed: ${message}`)
        output.failed.push({ order_id, message })
      }
    }
    return new StepResponse(output)
  }
)
