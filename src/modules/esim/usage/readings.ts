import type { EsimUsage, KnownWebhookEvent, ListedEsim, UsageCounters } from "../../../lib/esimfly"
import type { EsimProfileRow } from "../models/esim-profile"

/** esimfly's GB figures are binary: the sandbox sends `mb / 1024` rounded to 3 decimals, so a converted figure may be 1 MB off. */
export const MB_PER_GB = 1024

/** The data figures one reading gives, in MB; total and remaining are null for an unlimited plan. */
export type UsageFigures = Pick<EsimProfileRow, "total_mb" | "used_mb" | "remaining_mb" | "is_unlimited">

/** What esimfly said about one eSIM at `read_at`: data figures, and from a list or a query also its status and dates. */
export type UsageReading = {
  iccid: string
  read_at: Date
  figures: UsageFigures | null
  /** esimfly's status word (ACTIVE, DEPLETED…); null when the source has none. */
  status: string | null
  installed_at: Date | null
  expires_at: Date | null
}

export function dateOf(value: string | null | undefined): Date | null {
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

const mbOf = (gb: number | null): number | null => (gb === null ? null : Math.round(gb * MB_PER_GB))

/**
 * Unlimited plans report total and remaining 0 (docs: lifecycle.md, "Usage and status"): they
 * become null, so no view shows "0 MB left" and no alert fires. A plan of total 0 without the
 * flag is taken as unlimited too: nothing is sold with no data.
 */
export function figuresOf(counters: UsageCounters): UsageFigures {
  const unlimited = counters.isUnlimited === true || (counters.isUnlimited === null && counters.totalMb === 0)
  return {
    total_mb: unlimited ? null : counters.totalMb,
    used_mb: counters.usedMb,
    remaining_mb: unlimited ? null : counters.remainingMb,
    is_unlimited: unlimited,
  }
}

/**
 * Before install esimfly's `expires_at` is the install deadline, not the plan's end, so the
 * dates are taken only once the eSIM was activated.
 */
function datesOf(validity: EsimUsage["validity"]): Pick<UsageReading, "installed_at" | "expires_at"> {
  const installed = dateOf(validity?.activatedAt)
  return { installed_at: installed, expires_at: installed ? dateOf(validity?.expiresAt) : null }
}

/** A `GET /esims/usage/query` answer, read at `readAt`. */
export function usageQueryReading(usage: EsimUsage, readAt: Date): UsageReading {
  const figures = figuresOf(usage.data)
  return { iccid: usage.iccid, read_at: readAt, figures, status: usage.status, ...datesOf(usage.validity) }
}

/** One item of `GET /esims` (the same `data`/`validity` as the usage query, docs: esims.md), read at `readAt`. */
export function listedEsimReading(item: ListedEsim, readAt: Date): UsageReading {
  const figures = item.data ? figuresOf(item.data) : null
  return { iccid: item.iccid, read_at: readAt, figures, status: item.status, ...datesOf(item.validity) }
}

type ThresholdEvent = Extract<KnownWebhookEvent, { event: "esim.usage.threshold" }>

/** An `esim.usage.threshold` event: GB → MB (× 1024); read when esimfly says it measured (`reported_at`). */
export function thresholdReading(event: ThresholdEvent): UsageReading | null {
  const readAt = dateOf(event.data.reportedAt) ?? dateOf(event.timestamp)
  const remaining = mbOf(event.data.remainingGb) ?? event.data.thresholdRemainingMb
  if (!readAt || remaining === null) {
    return null
  }
  const figures = {
    total_mb: mbOf(event.data.totalGb),
    used_mb: mbOf(event.data.usedGb),
    remaining_mb: remaining,
    // esimfly sends no threshold event for an unlimited plan (docs: lifecycle.md, "Delivery").
    is_unlimited: false,
  }
  return { iccid: event.data.iccid, read_at: readAt, figures, status: null, installed_at: null, expires_at: null }
}
