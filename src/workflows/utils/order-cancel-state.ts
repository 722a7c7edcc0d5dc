import { MedusaContainer, UpdateFulfillmentDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { isEsimflyProvider } from "./esim-fulfillment"

/**
 * Reads the Medusa order's status right before an act: a canceled (or vanished) order is
 * recorded as a cancel on all its eSIM orders, whether or not `order.canceled` arrived.
 */
export async function isOrderCanceled(container: MedusaContainer, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: orderId } })
  const status = (data[0] as { status?: string } | undefined)?.status
  if (status && status !== "canceled") {
    return false
  }
  await container.resolve<EsimModuleService>(ESIM_MODULE).requestEsimOrdersCancel({ order_id: orderId }, new Date())
  return true
}

// The module stores `canceled_at` as given, though its DTO type leaves it out; its
// cancelFulfillment refuses delivered fulfillments, and delivered_at stays true.
export const canceledAt = (at: Date | null): UpdateFulfillmentDTO & { canceled_at: Date | null } => ({
  canceled_at: at,
})

type OrderFulfillments = {
  status: string
  fulfillments?: ({ id: string; provider_id: string | null; canceled_at: unknown } | null)[] | null
}

/**
 * The order's open eSIM fulfillments that may be marked canceled for an order cancel: none
 * when anything else would block the cancel (an open non-eSIM fulfillment, a completed or
 * canceled order).
 */
export async function releasableEsimFulfillments(container: MedusaContainer, orderId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["status", "fulfillments.id", "fulfillments.provider_id", "fulfillments.canceled_at"]
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  const order: OrderFulfillments | undefined = data[0]
  const open = (order?.fulfillments ?? []).flatMap((f) => (f && !f.canceled_at ? [f] : []))
  const blocked =
    !order || ["canceled", "completed"].includes(order.status) || open.some((f) => !isEsimflyProvider(f.provider_id))
  return blocked ? [] : open.map((f) => f.id)
}
