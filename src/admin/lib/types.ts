/** Response shapes of the plugin's admin API (snake_case, as the routes send them). */

import type { toHistoryResponse, toHistoryRow, toPackagesResponse } from "../../modules/esim/delivery"
import type { ProfitRow } from "../../modules/esim/money"
import type { EsimOrderRow } from "../../modules/esim/models/esim-order"
import type { EsimProfileRow } from "../../modules/esim/models/esim-profile"
import type { EsimTopUpRow } from "../../modules/esim/models/esim-top-up"
import type { IneligibleReason } from "../../modules/esim/purchase"
import type { EsimMirror, EsimTimelineEntry, WebhookStatus } from "../../modules/esim/lifecycle"

export type { ProfitRow }

/** One order of esimfly's history, as GET /admin/esimfly/orders sends it. */
export type EsimflyHistoryOrder = ReturnType<typeof toHistoryRow>
export type EsimflyHistoryResponse = ReturnType<typeof toHistoryResponse>
/** A page of esimfly's catalogue, as GET /admin/esimfly/packages sends it. */
export type PackagesResponse = ReturnType<typeof toPackagesResponse>
export type EsimflyPackage = PackagesResponse["packages"][number]

/** Medusa serialises big numbers as numbers; strings are tolerated for safety. */
export type Numeric = number | string

export type EsimflyBalance = {
  amount: number
  currency: string
  as_of: string
  /** Where the mirrored reading came from. */
  source: "create_order" | "cancel" | "refresh" | "admin"
  age_seconds: number
  low_balance_threshold: number | null
  is_low: boolean
}

/** The esimfly API quota as the plugin's shared pacer sees it (GET /admin/esimfly/rate-limit). */
export type EsimflyRateLimit = {
  pacing: boolean
  limit: number | null
  remaining: number | null
  reset_at: string | null
  source: "headers" | "estimated" | "documented" | null
  in_flight: number | null
  waiting: number
}

export type Pagination = { page: number; limit: number | null; total: number | null; total_pages: number }

export const HISTORY_STATUSES = ["pending", "completed", "failed", "cancelled"] as const
export type HistoryStatus = (typeof HISTORY_STATUSES)[number]

export type EsimflyHistoryQuery = {
  page: number
  limit: number
  status?: HistoryStatus
  from_date?: string
  to_date?: string
  search?: string
  sort_by?: "created_at" | "amount" | "status"
  sort_order?: "asc" | "desc"
}

export { ESIM_ORDER_STATUSES, RETRYABLE_STATUSES } from "../../modules/esim/models/esim-order-statuses"
export type { EsimOrderStatus } from "../../modules/esim/models/esim-order-statuses"
import type { EsimOrderStatus } from "../../modules/esim/models/esim-order-statuses"

/** A server row as JSON carries it: dates become ISO strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T

type JsonRow<T> = { [K in keyof T]: Json<T[K]> }

export type Esim = Pick<
  JsonRow<EsimProfileRow>,
  | "id"
  | "iccid"
  | "status"
  | "package_code"
  | "package_name"
  | "data_amount"
  | "validity_days"
  | "lpa"
  | "smdp_address"
  | "activation_code"
  | "apple_install_url"
  | "android_install_url"
> & { qr_code_data_url?: string | null }

export type EsimOrderEvent = { at: string; type: string; message?: string; code?: string }

export type EsimOrder = Pick<
  JsonRow<EsimOrderRow>,
  | "id"
  | "order_id"
  | "line_item_id"
  | "batch"
  | "package_code"
  | "quantity"
  | "status"
  | "attempts"
  | "last_attempt_at"
  | "esimfly_order_reference"
  | "amount"
  | "currency_code"
  | "error_code"
  | "error_message"
  | "current_balance"
  | "required_balance"
  | "created_at"
> & { history: { events: EsimOrderEvent[] } | null; esims: Esim[] | null }

export type EsimOrdersQuery = {
  status?: EsimOrderStatus[]
  order_id?: string
  from_date?: string
  to_date?: string
  limit: number
  offset: number
}

export type EsimOrdersResponse = {
  esim_orders: EsimOrder[]
  count: number
  limit: number
  offset: number
  /** With order_id: why the order's eSIMs are not bought yet, null when nothing holds them. */
  purchase_hold?: IneligibleReason | null
}

export type ProfitQuery = { from_date?: string; to_date?: string }

export type ProfitResponse = { profit: { from_date: string | null; to_date: string | null; rows: ProfitRow[] } }

export type PackagesQuery = { search?: string; page?: number; limit?: number }

/** The webhook connection and receiver counters, as GET /admin/esimfly/webhooks sends them (never the secret). */
export type EsimflyWebhooks = JsonRow<WebhookStatus>

export type { EsimTimelineEntry }

/** One eSIM's data and status mirror and its timeline, as GET /admin/esims/:iccid sends it. */
export type EsimWithTimeline = JsonRow<EsimMirror> & { timeline: EsimTimelineEntry[] }
/** A top-up as GET /admin/esim-top-ups sends it (docs/top-ups.md). */
export type EsimTopUp = Pick<
  JsonRow<EsimTopUpRow>,
  | "id"
  | "order_id"
  | "iccid"
  | "package_code"
  | "package_name"
  | "data_mb"
  | "status"
  | "total_mb_before"
  | "total_mb_after"
  | "esimfly_order_reference"
  | "error_code"
  | "error_message"
  | "bought_at"
  | "cancel_requested_at"
> & { cost: Numeric | null; cost_currency: string | null }

export type EsimTopUpsResponse = { esim_top_ups: EsimTopUp[]; count: number; limit: number; offset: number }
