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
import EsimModuleService from "../../modules/esim/service"

type Window = { created_at: { $gte: Date; $lte: Date } }

type Page = { window: Window; skip: number; take: number; buyWhen: BuyWhen }

/** One page of the window: the orders on it that may buy eSIMs and have no eSIM order yet. */
export async function missedOnPage(
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
