import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../../modules/esim"
import { CANCELED_ESIM } from "../../../../modules/esim/cancel"
import { ProfitLine } from "../../../../modules/esim/money"
import EsimModuleService from "../../../../modules/esim/service"

type OrderPrices = { id: string; currency_code: string; items: { id: string; unit_price: number | string }[] }

/** Every batch esimfly charged for in the window, priced at what the shopper paid per eSIM; canceled eSIMs left out. */
export async function profitLines(container: MedusaContainer, from?: string, to?: string): Promise<ProfitLine[]> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const created_at = { ...(from ? { $gte: new Date(from) } : {}), ...(to ? { $lte: new Date(to) } : {}) }
  const filters = { status: ["completed", "pending_details"], ...(from || to ? { created_at } : {}) }
  const esimOrders = await esim.listEsimOrders(filters, { take: null, relations: ["esims"] })
  if (!esimOrders.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(esimOrders.map((esimOrder) => esimOrder.order_id))]
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "items.id", "items.unit_price"],
    filters: { id: orderIds },
  })
  const prices: OrderPrices[] = data
  const orders = new Map(prices.map((order) => [order.id, order]))
  return esimOrders.flatMap((esimOrder) => {
    const order = orders.get(esimOrder.order_id)
    const item = order?.items.find((line) => line.id === esimOrder.line_item_id)
    if (!order || !item) {
      return []
    }
    const canceled = Math.min(
      esimOrder.quantity,
      (esimOrder.esims ?? []).filter((profile) => profile?.status === CANCELED_ESIM).length
    )
    const kept = esimOrder.quantity - canceled
    return [
      {
        order_id: esimOrder.order_id,
        revenue: Number(item.unit_price) * kept,
        currency_code: order.currency_code.toLowerCase(),
        // esimfly refunds a canceled eSIM at what it charged: the batch's cost shrinks pro rata.
        cost: esimOrder.amount === null ? null : (Number(esimOrder.amount) * kept) / esimOrder.quantity,
        cost_currency_code: esimOrder.currency_code?.toLowerCase() ?? null,
        esims: kept,
        canceled,
      },
    ]
  })
}
