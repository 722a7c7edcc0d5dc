import { OrderHistoryPage, OrderSummary, PackagePage, PacerSnapshot, RateLimitState } from "../../../lib/esimfly"

/** esimfly sends flags as paths on its own site (orders.md: "/img/flags/US.png"). */
function absoluteFlagUrl(flagUrl: string | null): string | null {
  if (!flagUrl) {
    return null
  }
  try {
    return new URL(flagUrl, "https://esimfly.net").toString()
  } catch {
    return null
  }
}

/** One order of esimfly's history in the admin API's snake_case. */
export function toHistoryRow(order: OrderSummary) {
  return {
    id: order.id,
    order_reference: order.orderReference,
    package_name: order.packageName,
    package_code: order.packageCode,
    amount: order.amount,
    currency: order.currency,
    status: order.status,
    flag_url: absoluteFlagUrl(order.flagUrl),
    created_at: order.createdAt,
  }
}

/** esimfly's history in the admin API's snake_case. */
export function toHistoryResponse(page: OrderHistoryPage) {
  return {
    orders: page.orders.map(toHistoryRow),
    summary: { total_orders: page.summary.totalOrders, total_revenue: page.summary.totalRevenue },
    pagination: {
      page: page.pagination.page,
      limit: page.pagination.limit,
      total: page.pagination.total,
      total_pages: page.pagination.totalPages,
    },
  }
}

/** esimfly's catalogue in the admin API's snake_case. */
export function toPackagesResponse(page: PackagePage) {
  return {
    packages: page.packages.map((pkg) => ({
      package_code: pkg.packageCode,
      name: pkg.name,
      region: pkg.region,
      type: pkg.type,
      data_amount_gb: pkg.dataAmountGb,
      validity_days: pkg.validityDays,
      cost: pkg.cost,
      currency: pkg.currency,
      is_unlimited: pkg.isUnlimited,
      countries: pkg.countries,
    })),
    pagination: {
      page: page.pagination.page,
      limit: page.pagination.limit,
      total: page.pagination.total,
      total_pages: page.pagination.totalPages,
    },
  }
}

/**
 * The account's API quota in the admin API's snake_case: the shared pacer's view, or,
 * with pacing off, the last X-RateLimit-* headers the client saw (null before any).
 */
export function toRateLimitResponse(pacing: PacerSnapshot | null, lastSeen: RateLimitState | null) {
  if (pacing) {
    return {
      pacing: true,
      limit: pacing.limit,
      remaining: pacing.remaining,
      reset_at: pacing.resetAt?.toISOString() ?? null,
      source: pacing.source,
      in_flight: pacing.inFlight,
      waiting: pacing.waiting,
    }
  }
  return {
    pacing: false,
    limit: lastSeen?.limit ?? null,
    remaining: lastSeen?.remaining ?? null,
    reset_at: lastSeen?.resetAt.toISOString() ?? null,
    source: lastSeen ? ("headers" as const) : null,
    in_flight: null,
    waiting: 0,
  }
}
