import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CANCELED_BY_MERCHANT, hasSettledCancel } from "../../modules/esim/cancel"
import EsimModuleService from "../../modules/esim/service"

/** eSIM orders a cancel can finish under the lock now; `purchasing`, `pending_details` and unknown outcomes settle first. */
const FINISHABLE = ["pending", "held", "failed", "completed"] as const

/** Canceled orders whose `order.canceled` never reached the plugin: the cancel is recorded on their eSIM orders. */
export async function recordMissedCancels(
  container: MedusaContainer,
  esim: EsimModuleService,
  since: Date
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { status: "canceled", canceled_at: { $gte: since } },
  })
  if (!data.length) {
    return
  }
  const unflagged = await esim.listEsimOrders(
    { order_id: data.map((o) => o.id), cancel_requested_at: null },
    { take: null, select: ["order_id"] }
  )
  for (const order_id of new Set(unflagged.map((esimOrder) => esimOrder.order_id))) {
    await esim.requestEsimOrdersCancel({ order_id }, new Date())
  }
}

/** The eSIM orders whose asked-for cancel is not finished, by Medusa order. */
export async function unfinishedByOrder(esim: EsimModuleService): Promise<Map<string, string[]>> {
  const flagged = await esim.listEsimOrders(
    { cancel_requested_at: { $ne: null }, status: [...FINISHABLE] },
    { take: null }
  )
  const unfinished = flagged.filter(
    (esimOrder) => esimOrder.error_code !== CANCELED_BY_MERCHANT && !hasSettledCancel(esimOrder)
  )
  const byOrder = new Map<string, string[]>()
  for (const esimOrder of unfinished) {
    byOrder.set(esimOrder.order_id, [...(byOrder.get(esimOrder.order_id) ?? []), esimOrder.id])
  }
  return byOrder
}
