import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../../modules/esim"
import { ProfitLine } from "../../../../modules/esim/profit"
import EsimModuleService from "../../../../modules/esim/service"

type OrderPrices = { id: string; currency_code: string; items: { id: string; unit_price: number | string }[] }

/** Every batch esimfly charged for in the window, priced at what the shopper paid per eSIM. */
export async function profitLines(container: MedusaContainer, from?: string, to?: string): Promise<ProfitLine[]> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const created_at = { ...(from ? { $gte: new Date(from) } : {}), ...(to ? { $lte: new Date(to) } : {}) }
  const filters = { status: ["completed", "pending_details"], ...(from || to ? { created_at } : {}) }
  const intents = await esim.listEsimOrders(filters, { take: null })
  if (!intents.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(intents.map((intent) => intent.order_id))]
  const { data } = await query.graph({ entity: "order", fields: ["id", "currency_code", "items.id", "items.unit_price"], filters: { id: orderIds } })
  const orders = new Map((data as unknown as OrderPrices[]).map((order) => [order.id, order]))
  return intents.flatMap((intent) => {
    const order = orders.get(intent.order_id)
    const item = order?.items.find((line) => line.id === intent.line_item_id)
    if (!order || !item) {
      return []
    }
    return [{
      order_id: intent.order_id,
      revenue: Number(item.unit_price) * intent.quantity,
      currency_code: order.currency_code.toLowerCase(),
      cost: intent.amount === null ? null : Number(intent.amount),
      cost_currency_code: intent.currency_code?.toLowerCase() ?? null,
      esims: intent.quantity,
    }]
  })
}
