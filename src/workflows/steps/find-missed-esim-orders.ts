import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import {
  BuyWhen,
  EligibilityOrder,
  planEsimOrders,
  PlannableOrder,
  PURCHASE_ELIGIBILITY_FIELDS,
  purchaseEligibility,
} from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

export const findMissedEsimOrdersStepId = "find-missed-esim-orders"

/** `page_size`: orders read per query while walking the window. */
export type FindMissedEsimOrdersInput = {
  now: string
  grace_ms: number
  lookback_ms: number
  limit: number
  page_size: number
}

type Window = { created_at: { $gte: Date; $lte: Date } }

type Page = { window: Window; skip: number; take: number; buyWhen: BuyWhen }

async function missedOnPage(
  container: MedusaContainer,
  { window, skip, take, buyWhen }: Page
): Promise<{ missed: string[]; read: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [...PURCHASE_ELIGIBILITY_FIELDS, "items.*", "items.variant.metadata", "cart.metadata"],
    filters: window,
    pagination: { skip, take, order: { created_at: "ASC", id: "ASC" } },
  })
  const orders: (PlannableOrder & EligibilityOrder)[] = data
  const withEsims = orders.filter(
    (order) => purchaseEligibility(order, buyWhen).eligible && planEsimOrders(order).length > 0
  )
  if (!withEsims.length) {
    return { missed: [], read: data.length }
  }
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const esimOrders = await esim.listEsimOrders(
    { order_id: withEsims.map((o) => o.id) },
    { take: null, select: ["order_id"] }
  )
  const covered = new Set(esimOrders.map((esimOrder) => esimOrder.order_id))
  return { missed: withEsims.map((o) => o.id).filter((id) => !covered.has(id)), read: data.length }
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
