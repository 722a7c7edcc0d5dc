import { RouteContext } from "./core"
import { toMajor } from "./money"
import { settleByTime } from "./order-lifecycle"
import { InvalidParameterError, pageOf, readDate, readEnum, readInt, readText } from "./query"
import { success } from "./replies"
import { ApiReply, OrderRecord } from "./types"

const STATUSES = ["all", "pending", "completed", "failed", "cancelled"] as const
const SORT_FIELDS = ["created_at", "amount", "status"] as const
const SORT_ORDERS = ["asc", "desc"] as const

interface HistoryQuery {
  page: number
  limit: number
  status: (typeof STATUSES)[number]
  from: number | null
  to: number | null
  search: string
  sortBy: (typeof SORT_FIELDS)[number]
  sortOrder: (typeof SORT_ORDERS)[number]
}

/** GET /orders, with every filter of orders.md. */
export function listOrders(ctx: RouteContext): ApiReply {
  let query: HistoryQuery
  try {
    query = readHistoryQuery(ctx.query)
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.toReply()
    throw error
  }
  const { core } = ctx
  core.state.orders.forEach((order) => settleByTime(core, order))
  const matching = core.state.orders.filter((order) => matches(order, query)).sort(comparator(query))
  const completed = matching.filter((order) => order.status === "completed")
  const revenueMinor = completed.reduce((sum, order) => sum + order.amountMinor, 0)
  return success({
    data: {
      orders: pageOf(matching, query.page, query.limit).map(historyRow),
      // Summary statistics only include completed orders.
      summary: {
        total_orders: completed.length,
        total_revenue: toMajor(revenueMinor, core.options.currency),
      },
      pagination: {
        page: query.page,
        limit: query.limit,
        total: matching.length,
        total_pages: Math.ceil(matching.length / query.limit),
      },
    },
  })
}

function readHistoryQuery(query: URLSearchParams): HistoryQuery {
  return {
    page: readInt(query, "page", 1, Number.MAX_SAFE_INTEGER),
    // "Number of results per page (max 100)".
    limit: readInt(query, "limit", 20, 100),
    status: readEnum(query, "status", STATUSES, "all") ?? "all",
    from: readDate(query, "from_date"),
    to: readDate(query, "to_date"),
    search: readText(query, "search"),
    sortBy: readEnum(query, "sort_by", SORT_FIELDS, "created_at") ?? "created_at",
    sortOrder: readEnum(query, "sort_order", SORT_ORDERS, "desc") ?? "desc",
  }
}

/** from_date and to_date are both inclusive; search is a case-insensitive partial match. */
function matches(order: OrderRecord, query: HistoryQuery): boolean {
  if (query.status !== "all" && historyStatusOf(order) !== query.status) return false
  if (query.from !== null && order.createdAt < query.from) return false
  if (query.to !== null && order.createdAt > query.to) return false
  if (query.search === "") return true
  return [order.orderReference, order.packageName, order.packageCode].some((field) =>
    field.toLowerCase().includes(query.search)
  )
}

function comparator(query: HistoryQuery): (a: OrderRecord, b: OrderRecord) => number {
  const direction = query.sortOrder === "asc" ? 1 : -1
  const key = (order: OrderRecord): number | string => {
    if (query.sortBy === "amount") return order.amountMinor
    if (query.sortBy === "status") return historyStatusOf(order)
    return order.createdAt
  }
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)]
    const byKey = ka < kb ? -1 : ka > kb ? 1 : 0
    return direction * (byKey || a.id - b.id)
  }
}

/** GET /orders lists pending_details as "pending". */
function historyStatusOf(order: OrderRecord): string {
  return order.status === "pending_details" ? "pending" : order.status
}

function historyRow(order: OrderRecord): Record<string, unknown> {
  return {
    id: order.id,
    order_reference: order.orderReference,
    package_name: order.packageName,
    package_code: order.packageCode,
    amount: toMajor(order.amountMinor, order.currency),
    currency: order.currency,
    status: historyStatusOf(order),
    flag_url: order.flag ? `/img/flags/${order.flag}.png` : null,
    created_at: new Date(order.createdAt).toISOString(),
  }
}
