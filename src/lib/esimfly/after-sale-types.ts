import type { Pagination } from "./types"
import type { WebhookEventName } from "./webhook-event"

/** The webhook as just set: the secret is shown here once, and never again. */
export type WebhookConfig = {
  url: string
  /** `whsec_…`: keep it in a secret store; it never appears in the client's errors or logs. */
  secret: string
  events: string[]
  message: string | null
  note: string | null
}

/** One recent delivery attempt esimfly reports. */
export type WebhookDelivery = {
  id: string | null
  event: string | null
  orderReference: string | null
  status: string | null
  attempts: number | null
  lastAttempt: string | null
  deliveredAt: string | null
}

/** The webhook as configured now (no secret), the events on offer and the last deliveries. */
export type WebhookState = {
  url: string | null
  events: string[]
  apiKeyName: string | null
  availableEvents: { event: string; description: string | null }[]
  recentDeliveries: WebhookDelivery[]
}

/** What `setWebhook` asks for. */
export type SetWebhookInput = { url: string; events: WebhookEventName[] }

/** Data counters in MB (unlimited plans report 0 total and 0 remaining). */
export type UsageCounters = {
  totalMb: number | null
  usedMb: number | null
  remainingMb: number | null
  /** 0–100, capped at 100. */
  usagePercentage: number | null
  isUnlimited: boolean | null
}

/** Validity window; the dates are ISO 8601 as esimfly sends them. */
export type Validity = {
  days: number | null
  activatedAt: string | null
  expiresAt: string | null
  isExpired: boolean | null
}

/** `GET /esims/usage/query`: data left on one eSIM, in MB. */
export type EsimUsage = {
  iccid: string
  orderReference: string | null
  packageName: string | null
  status: string | null
  data: UsageCounters
  validity: Validity | null
}

/** One eSIM of the account list. */
export type ListedEsim = {
  id: number | null
  iccid: string
  packageName: string | null
  packageCode: string | null
  countries: string[]
  status: string | null
  data: UsageCounters | null
  validity: Validity | null
  createdAt: string | null
  isPending: boolean | null
  phoneNumber: string | null
  imsi: string | null
  simStatus: string | null
  esimStatus: string | null
  profileStatus: string | null
}

/** One page of the account's eSIMs. */
export type EsimPage = { esims: ListedEsim[]; pagination: Pagination }

/** `POST /esims/status`: read live from the network, in GB. */
export type LiveEsimStatus = {
  iccid: string
  status: string | null
  esimStatus: string | null
  smdpStatus: string | null
  profile: string | null
  unlimited: boolean | null
  lastNetwork: {
    operator: string | null
    mcc: string | null
    mnc: string | null
    country: string | null
    countryIso2: string | null
    connectionType: string | null
  } | null
  device: { model: string | null; imei: string | null } | null
  activationDate: string | null
  lastUsageDate: string | null
  expiryDate: string | null
  dataUsage: { usedGb: number | null; totalGb: number | null; unlimited: boolean | null } | null
}

/** A completed top-up; volumes in GB. */
export type TopupResult = {
  orderReference: string
  iccid: string | null
  packageName: string | null
  status: string
  newBalance: number | null
  currency: string | null
  amount: number | null
  profit: number | null
  processingTimeMs: number | null
  message: string | null
  esim: {
    newTotalVolumeGb: number | null
    newRemainingVolumeGb: number | null
    /** As esimfly wrote it, e.g. "February 13, 2026 at 11:27 PM". */
    expiredTime: string | null
    /** `expiredTime` read as UTC; null when absent or in another format. */
    expiresAt: Date | null
  } | null
}
