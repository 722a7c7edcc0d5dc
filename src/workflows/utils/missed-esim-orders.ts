import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import {
  BuyWhen,
  EligibilityOrder,
  planEsimOrders,
  PlannableOrder,
  PURCHASE_ELIGIBILITY_FIELDS,
  purchaseEligibility,
} from "../../modules/esim/purchase"
import { planTopUps, TopUpOrder } from "../../modules/esim/top-up"
import EsimModuleService from "../../modules/esim/service"

type Window = { created_at: { $gte: Date; $lte: Date } }

type Page = { window: Window; skip: number; take: number; buyWhen: BuyWhen }

type WindowOrder = PlannableOrder & EligibilityOrder & TopUpOrder

/** What one page of the window holds: orders missing their eSIM orders, orders missing their top-ups. */
export type MissedOnPage = { missed: string[]; missed_top_ups: string[]; read: number }

const WINDOW_FIELDS = [
  ...PURCHASE_ELIGIBILITY_FIELDS,
  "currency_code",
  "items.*",
  "items.variant.metadata",
  "cart.metadata",
]

/** Ids of `ids` that no row in `covered` names. */
function uncovered(ids: string[], covered: { order_id: string }[]): string[] {
  const seen = new Set(covered.map((row) => row.order_id))
  return ids.filter((id) => !seen.has(id))
}

/**
 * One page of the window, read once: the orders on it that may buy eSIMs and have no eSIM order
 * yet, and the orders with top-up lines and no top-up recorded yet (a lost `order.placed`).
 */
export async function missedOnPage(
  container: MedusaContainer,
  { window, skip, take, buyWhen }: Page
): Promise<MissedOnPage> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const { data } = await query.graph({
    entity: "order",
    fields: WINDOW_FIELDS,
    filters: window,
    pagination: { skip, take, order: { created_at: "ASC", id: "ASC" } },
  })
  const orders: WindowOrder[] = data
  const secret = esim.getOptions().secretKey
  const withEsims = orders
    .filter((order) => purchaseEligibility(order, buyWhen).eligible && planEsimOrders(order).length > 0)
    .map((order) => order.id)
  const withTopUps = orders.filter((order) => planTopUps(order, secret).length > 0).map((order) => order.id)
  const select = ["order_id"]
  const [esimOrders, topUps] = await Promise.all([
    withEsims.length ? esim.listEsimOrders({ order_id: withEsims }, { take: null, select }) : [],
    withTopUps.length ? esim.listEsimTopUps({ order_id: withTopUps }, { take: null, select }) : [],
  ])
  return { missed: uncovered(withEsims, esimOrders), missed_top_ups: uncovered(withTopUps, topUps), read: data.length }
}
