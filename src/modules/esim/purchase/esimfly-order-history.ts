import { ListOrdersParams, OrderSummary } from "../../../lib/esimfly"
import type EsimModuleService from "../service"

/** esimfly's history is read at most this many pages (of 100) at a time. */
export const MAX_HISTORY_PAGES = 20

/** Every order of esimfly's history matching the filters, or null when there are more than MAX_HISTORY_PAGES pages. */
export async function readOrderHistory(
  esim: EsimModuleService,
  filters: Omit<ListOrdersParams, "page" | "limit">
): Promise<OrderSummary[] | null> {
  const orders: OrderSummary[] = []
  for (let page = 1; page <= MAX_HISTORY_PAGES; page++) {
    const result = await esim.getClient().listOrders({ ...filters, limit: 100, page })
    orders.push(...result.orders)
    if (page >= result.pagination.totalPages || !result.orders.length) {
      return orders
    }
  }
  return null
}
