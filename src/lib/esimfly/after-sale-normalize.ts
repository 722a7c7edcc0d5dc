import type {
  WireEsimStatusResponse,
  WireGetWebhookResponse,
  WireListedEsim,
  WireTopupOrderResponse,
  WireUsageData,
  WireUsageQueryResponse,
  WireValidity,
} from "./after-sale-schemas"
import type {
  EsimUsage,
  ListedEsim,
  LiveEsimStatus,
  TopupResult,
  UsageCounters,
  Validity,
  WebhookState,
} from "./after-sale-types"

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]

/** "February 13, 2026 at 11:27 PM" (docs: topup-order.md), the form top-up answers use. */
const HUMAN_DATE_TIME = /^([A-Za-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) ?([AP]M)$/i

/**
 * Reads esimfly's human-readable date-time as UTC (the docs name no zone; an assumption),
 * else an ISO 8601 string; null for anything else or an impossible date.
 */
export function parseEsimflyDateTime(text: string | null | undefined): Date | null {
  const value = text?.trim()
  const match = value ? HUMAN_DATE_TIME.exec(value) : null
  if (!match) {
    const iso = value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null
    return iso && !Number.isNaN(iso.getTime()) ? iso : null
  }
  const [, monthName = "", day, year, hour12, minute, meridiem = ""] = match
  const month = MONTHS.indexOf(monthName.toLowerCase())
  const hour = (Number(hour12) % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0)
  const date = new Date(Date.UTC(Number(year), month, Number(day), hour, Number(minute)))
  const valid = month >= 0 && Number(hour12) <= 12 && Number(minute) < 60 && date.getUTCDate() === Number(day)
  return valid ? date : null
}

function usageCounters(wire: WireUsageData): UsageCounters {
  return {
    totalMb: wire.total_mb ?? null,
    usedMb: wire.used_mb ?? null,
    remainingMb: wire.remaining_mb ?? null,
    usagePercentage: wire.usage_percentage ?? null,
    isUnlimited: wire.is_unlimited ?? null,
  }
}

function validity(wire: WireValidity | null | undefined): Validity | null {
  if (!wire) {
    return null
  }
  return {
    days: wire.days ?? null,
    activatedAt: wire.activated_at ?? null,
    expiresAt: wire.expires_at ?? null,
    isExpired: wire.is_expired ?? null,
  }
}

export function normalizeWebhookState(wire: WireGetWebhookResponse): WebhookState {
  return {
    url: wire.webhook?.url ?? null,
    events: wire.webhook?.events ?? [],
    apiKeyName: wire.webhook?.api_key_name ?? null,
    availableEvents: (wire.available_events ?? []).map(({ event, description }) => ({
      event,
      description: description ?? null,
    })),
    recentDeliveries: (wire.recent_deliveries ?? []).map((delivery) => ({
      id: delivery.id ?? null,
      event: delivery.event ?? null,
      orderReference: delivery.order_reference ?? null,
      status: delivery.status ?? null,
      attempts: delivery.attempts ?? null,
      lastAttempt: delivery.last_attempt ?? null,
      deliveredAt: delivery.delivered_at ?? null,
    })),
  }
}

export function normalizeUsage(wire: WireUsageQueryResponse["data"]): EsimUsage {
  const { esim } = wire
  return {
    iccid: esim.iccid,
    orderReference: esim.order_id ?? null,
    packageName: esim.package_name ?? null,
    status: esim.status ?? null,
    data: usageCounters(wire.data),
    validity: validity(wire.validity),
  }
}

export function normalizeListedEsim(wire: WireListedEsim): ListedEsim {
  return {
    id: wire.id ?? null,
    iccid: wire.iccid,
    packageName: wire.package_name ?? null,
    packageCode: wire.package_code ?? null,
    countries: wire.countries ?? [],
    status: wire.status ?? null,
    data: wire.data ? usageCounters(wire.data) : null,
    validity: validity(wire.validity),
    createdAt: wire.created_at ?? null,
    isPending: wire.is_pending ?? null,
    phoneNumber: wire.phone_number ?? null,
    imsi: wire.imsi ?? null,
    simStatus: wire.sim_status ?? null,
    esimStatus: wire.esim_status ?? null,
    profileStatus: wire.profile_status ?? null,
  }
}

export function normalizeLiveStatus(wire: WireEsimStatusResponse["data"]): LiveEsimStatus {
  const network = wire.last_network
  const usage = wire.data_usage
  return {
    iccid: wire.iccid,
    status: wire.status ?? null,
    esimStatus: wire.esim_status ?? null,
    smdpStatus: wire.smdp_status ?? null,
    profile: wire.profile ?? null,
    unlimited: wire.unlimited ?? null,
    lastNetwork: network
      ? {
          operator: network.operator ?? null,
          mcc: network.mcc ?? null,
          mnc: network.mnc ?? null,
          country: network.country ?? null,
          countryIso2: network.country_iso2 ?? null,
          connectionType: network.connection_type ?? null,
        }
      : null,
    device: wire.device ? { model: wire.device.model ?? null, imei: wire.device.imei ?? null } : null,
    activationDate: wire.activation_date ?? null,
    lastUsageDate: wire.last_usage_date ?? null,
    expiryDate: wire.expiry_date ?? null,
    dataUsage: usage
      ? { usedGb: usage.used_gb ?? null, totalGb: usage.total_gb ?? null, unlimited: usage.unlimited ?? null }
      : null,
  }
}

export function normalizeTopup(wire: WireTopupOrderResponse): TopupResult {
  const esim = wire.esimData
  return {
    orderReference: wire.orderReference,
    iccid: wire.iccid ?? null,
    packageName: wire.packageName ?? null,
    status: wire.status,
    newBalance: wire.newBalance ?? null,
    currency: wire.currency ?? null,
    amount: wire.amount ?? null,
    profit: wire.profit ?? null,
    processingTimeMs: wire.processing_time_ms ?? null,
    message: wire.message ?? null,
    esim: esim
      ? {
          newTotalVolumeGb: esim.newTotalVolumeGB ?? null,
          newRemainingVolumeGb: esim.newRemainingVolumeGB ?? null,
          expiredTime: esim.expiredTime ?? null,
          expiresAt: parseEsimflyDateTime(esim.expiredTime),
        }
      : null,
  }
}
