import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { missedTopUpsOnPage } from "../utils/missed-esim-top-ups"
import { FindMissedEsimOrdersInput } from "./find-missed-esim-orders"

export const findMissedEsimTopUpsStepId = "find-missed-esim-top-ups"

/**
 * Orders with top-up lines and no top-up recorded after the grace period: their `order.placed`
 * was lost. The whole window is walked, as for eSIM orders; at most `limit` are returned per run.
 */
export const findMissedEsimTopUpsStep = createStep(
  findMissedEsimTopUpsStepId,
  async (input: FindMissedEsimOrdersInput, { container }) => {
    const now = new Date(input.now).getTime()
    const window = { created_at: { $gte: new Date(now - input.lookback_ms), $lte: new Date(now - input.grace_ms) } }
    const order_ids: string[] = []
    for (let skip = 0; order_ids.length < input.limit; skip += input.page_size) {
      const page = await missedTopUpsOnPage(container, { window, skip, take: input.page_size })
      order_ids.push(...page.missed)
      if (page.read < input.page_size) {
        break
      }
    }
    return new StepResponse({ order_ids: order_ids.slice(0, input.limit) })
  }
)
