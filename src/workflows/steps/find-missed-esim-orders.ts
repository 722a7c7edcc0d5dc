import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { missedOnPage } from "../utils/missed-esim-orders"

export const findMissedEsimOrdersStepId = "find-missed-esim-orders"

/** `page_size`: orders read per query while walking the window. */
export type FindMissedEsimOrdersInput = {
  now: string
  grace_ms: number
  lookback_ms: number
  limit: number
  page_size: number
}

/**
 * Orders that may buy (purchaseEligibility: placed, and captured when the merchant waits for
 * the capture) with eSIM lines and no eSIM order after the grace period: their
 * `order.placed` or `payment.captured` was lost (the local event bus drops events on a crash).
 * The whole window is walked, so a busy store's older, settled orders never hide a newer
 * missed one; at most `limit` are returned per run.
 */
export const findMissedEsimOrdersStep = createStep(
  findMissedEsimOrdersStepId,
  async (input: FindMissedEsimOrdersInput, { container }) => {
    const now = new Date(input.now).getTime()
    const window = { created_at: { $gte: new Date(now - input.lookback_ms), $lte: new Date(now - input.grace_ms) } }
    const buyWhen = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions().buyWhen
    const order_ids: string[] = []
    for (let skip = 0; order_ids.length < input.limit; skip += input.page_size) {
      const page = await missedOnPage(container, { window, skip, take: input.page_size, buyWhen })
      order_ids.push(...page.missed)
      if (page.read < input.page_size) {
        break
      }
    }
    return new StepResponse({ order_ids: order_ids.slice(0, input.limit) })
  }
)
