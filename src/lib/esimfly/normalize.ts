import { buildAndroidInstallUrl, buildAppleInstallUrl, lpaFromInstallUrl, parseLpa } from "./lpa"
import type {
  WireCreateOrderResponse,
  WireEsim,
  WireHistoryOrder,
  WireOrderHistoryResponse,
  WireOrderStatusResponse,
  WirePackage,
  WirePackagesResponse,
  WirePagination,
} from "./schemas"
import type {
  CreateOrderResult,
  Esim,
  OrderHistoryPage,
  OrderStatus,
  OrderSummary,
  Package,
  PackagePage,
  Pagination,
} from "./types"

const PLACEHOLDER_ICCID_PREFIX = "PENDING_"
const FAILED_STATUSES = new Set(["failed", "cancelled", "canceled", "refunded"])

function orNull<T>(value: T | null | undefined): T | null {
  return value ?? null
}

function nonEmpty(value: string | null | undefined): string | null {
  return value?.trim() ? value : null
}

/** A pending order's stand-in eSIM (docs: create-order.md, "Pending Response", `iccid: "PENDING_…"`). */
export function isPlaceholderEsim(wire: WireEsim): boolean {
  return !wire.iccid?.trim() || wire.iccid.startsWith(PLACEHOLDER_ICCID_PREFIX)
}

/** Normalises one real eSIM, recovering the LPA from the Apple link when `lpaString` is absent. */
export function normalizeEsim(wire: WireEsim & { iccid: string }): Esim {
  const apple = nonEmpty(wire.directAppleInstallUrl)
  const sent = wire.lpaString?.trim()
  const lpa = sent && parseLpa(sent) ? sent : lpaFromInstallUrl(apple)
  const parts = parseLpa(lpa)
  return {
    iccid: wire.iccid,
    lpa,
    smdpAddress: parts?.smdpAddress ?? null,
    activationCode: parts?.activationCode ?? null,
    qrCodeUrl: nonEmpty(wire.qrCodeUrl),
    appleInstallUrl: apple ?? (lpa ? buildAppleInstallUrl(lpa) : null),
    androidInstallUrl: nonEmpty(wire.directAndroidInstallUrl) ?? (lpa ? buildAndroidInstallUrl(lpa) : null),
    status: orNull(wire.status),
    profileStatus: orNull(wire.profileStatus),
    simStatus: orNull(wire.sim_status),
    esimStatus: orNull(wire.esim_status),
    totalVolume: wire.total_volume ?? wire.totalVolume ?? null,
    totalDuration: orNull(wire.totalDuration),
    expiredTime: orNull(wire.expiredTime),
    unlimited: orNull(wire.unlimited),
  }
}

function realEsims(list: readonly WireEsim[]): Esim[] {
  return list.filter((wire): wire is WireEsim & { iccid: string } => !isPlaceholderEsim(wire)).map(normalizeEsim)
}

/**
 * Both pending shapes count as pending: placeholder eSIMs (older docs) and
 * `esims: []` with `isPending: true` (newer docs; beyond-the-reference.md). So does a
 * "completed" answer with fewer real eSIMs than `quantity` ordered: the rest is polled for.
 */
export function normalizeCreateOrder(wire: WireCreateOrderResponse, quantity = 1): CreateOrderResult {
  const wireEsims = wire.esims ?? []
  const esims = realEsims(wireEsims)
  const pending =
    wire.status !== "completed" ||
    wire.isPending === true ||
    esims.length === 0 ||
    esims.length < wireEsims.length ||
    esims.length < quantity
  return {
    orderReference: wire.orderReference,
    status: wire.status,
    pending,
    duplicate: wire.duplicate === true,
    esimId: orNull(wire.esimId),
    packageName: orNull(wire.packageName),
    currency: orNull(wire.currency),
    newBalance: orNull(wire.newBalance),
    amount: orNull(wire.amount),
    finalPrice: orNull(wire.final_price),
    profit: orNull(wire.profit),
    paymentMethod: orNull(wire.paymentMethod),
    processingTimeMs: orNull(wire.processing_time_ms),
    message: orNull(wire.message),
    note: orNull(wire.note),
    esims,
  }
}

/** Accepts a single `esim`, an `esims` array, or neither (still pending). */
export function normalizeOrderStatus(wire: WireOrderStatusResponse["order"]): OrderStatus {
  const esims = realEsims(wire.esims ?? (wire.esim ? [wire.esim] : []))
  const status = wire.status
  const failed = FAILED_STATUSES.has(status.toLowerCase())
  return {
    id: orNull(wire.id),
    orderReference: wire.orderReference,
    packageName: orNull(wire.packageName),
    packageCode: orNull(wire.packageCode),
    status,
    pending: !failed && (/^pending/i.test(status) || esims.length === 0),
    amount: orNull(wire.amount),
    finalPrice: orNull(wire.finalPrice),
    orderDate: orNull(wire.orderDate),
    paymentMethod: orNull(wire.paymentMethod),
    paymentStatus: orNull(wire.paymentStatus),
    esims,
  }
}

/** Requested page and limit, used when the response leaves them out. */
export type PageRequest = { page: number; limit: number | null }

/** Normalises `totalPages` / `total_pages` to `totalPages`, computing it from `total` if need be. */
export function normalizePagination(wire: WirePagination, requested: PageRequest): Pagination {
  const limit = wire.limit ?? requested.limit
  const computed = wire.total != null && limit ? Math.ceil(wire.total / limit) : 0
  return {
    page: wire.page ?? requested.page,
    limit,
    total: orNull(wire.total),
    totalPages: wire.totalPages ?? wire.total_pages ?? computed,
  }
}

function normalizeHistoryOrder(wire: WireHistoryOrder): OrderSummary {
  return {
    id: orNull(wire.id),
    orderReference: wire.order_reference,
    packageName: orNull(wire.package_name),
    packageCode: orNull(wire.package_code),
    amount: orNull(wire.amount),
    currency: orNull(wire.currency),
    status: orNull(wire.status),
    flagUrl: orNull(wire.flag_url),
    createdAt: orNull(wire.created_at),
  }
}

/** Normalises one page of `GET /orders`. */
export function normalizeOrderHistory(
  wire: WireOrderHistoryResponse["data"],
  requested: PageRequest
): OrderHistoryPage {
  return {
    orders: wire.orders.map(normalizeHistoryOrder),
    summary: {
      totalOrders: orNull(wire.summary?.total_orders),
      totalRevenue: orNull(wire.summary?.total_revenue),
    },
    pagination: normalizePagination(wire.pagination, requested),
  }
}

/** Normalises one catalogue package. */
export function normalizePackage(wire: WirePackage): Package {
  return {
    packageCode: wire.package_code,
    name: orNull(wire.name),
    region: orNull(wire.region),
    type: orNull(wire.type),
    dataAmountGb: orNull(wire.data_amount_gb),
    validityDays: orNull(wire.validity_days),
    cost: orNull(wire.cost),
    currency: orNull(wire.currency),
    features: {
      voiceMinutes: orNull(wire.features?.voice_minutes),
      smsCount: orNull(wire.features?.sms_count),
      isRechargeable: orNull(wire.features?.is_rechargeable),
    },
    isUnlimited: orNull(wire.is_unlimited),
    hasVoice: orNull(wire.has_voice),
    hasSms: orNull(wire.has_sms),
    locationNetworkList: (wire.locationNetworkList ?? []).map((location) => ({
      locationName: orNull(location.locationName),
      operatorList: (location.operatorList ?? []).map((operator) => ({
        operatorName: orNull(operator.operatorName),
        networkType: orNull(operator.networkType),
      })),
    })),
    countries: wire.countries ?? [],
  }
}

/** Normalises one page of `GET /esims/packages`. */
export function normalizePackagePage(wire: WirePackagesResponse["data"], requested: PageRequest): PackagePage {
  return {
    packages: wire.packages.map(normalizePackage),
    pagination: normalizePagination(wire.pagination, requested),
  }
}
