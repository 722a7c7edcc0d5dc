import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import { planTopUps, TopUpOrder } from "../../modules/esim/top-up"
import EsimModuleService from "../../modules/esim/service"

type Page = { window: { created_at: { $gte: Date; $lte: Date } }; skip: number; take: number }

/** One page of the window: the orders on it with top-up lines and no top-up recorded yet (a lost `order.placed`). */
export async function missedTopUpsOnPage(
  container: MedusaContainer,
  { window, skip, take }: Page
): Promise<{ missed: string[]; read: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.*"],
    filters: window,
    pagination: { skip, take, order: { created_at: "ASC", id: "ASC" } },
  })
  const secret = esim.getOptions().secretKey
  const withTopUps = (data as TopUpOrder[]).filter((order) => planTopUps(order, secret).length > 0)
  if (!withTopUps.length) {
    return { missed: [], read: data.length }
  }
  const recorded = await esim.listEsimTopUps(
    { order_id: withTopUps.map((o) => o.id) },
    { take: null, select: ["order_id"] }
  )
  const covered = new Set(recorded.map((topUp) => topUp.order_id))
  return { missed: withTopUps.map((o) => o.id).filter((id) => !covered.has(id)), read: data.length }
}
