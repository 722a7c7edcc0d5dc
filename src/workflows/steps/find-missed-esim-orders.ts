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
 * One walk of the order window, after the grace period, for what a lost `order.placed` or
 * `payment.captured` left undone (the local event bus drops events on a crash):
 * `order_ids`, orders that may buy (purchaseEligibility: placed, and captured when the merchant
 * waits for the capture) with eSIM lines and no eSIM order; `top_up_order_ids`, orders with
 * top-up lines and no top-up recorded. The whole window is walked, so a busy store's older,
 * settled orders never hide a newer missed one; each list holds at most `limit` per run.
 */
export const findMissedEsimOrdersStep = createStep(
  findMissedEsimOrdersStepId,
  async (input: FindMissedEsimOrdersInput, { container }) => {
    const now = new Date(input.now).getTime()
    const window = { created_at: { $gte: new Date(now - input.lookback_ms), $lte: new Date(now - input.grace_ms) } }
    const buyWhen = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions().buyWhen
    const order_ids: string[] = []
    const top_up_order_ids: string[] = []
    const full = () => order_ids.length >= input.limit && top_up_order_ids.length >= input.limit
    for (let skip = 0; !full(); skip += input.page_size) {
      const page = await missedOnPage(container, { window, skip, take: input.page_size, buyWhen })
      order_ids.push(...page.missed)
      top_up_order_ids.push(...page.missed_top_ups)
      if (page.read < input.page_size) {
        break
      }
    }
    return new StepResponse({
      order_ids: order_ids.slice(0, input.limit),
      top_up_order_ids: top_up_order_ids.slice(0, input.limit),
    })
  }
)
