import type { EsimProfileRow } from "../models/esim-profile"

/** esimfly's remaining-data thresholds (docs: lifecycle.md, `esim.usage.threshold`), in MB. */
export const USAGE_THRESHOLDS_MB = [500, 200, 100, 50] as const

/** An expiring-soon email goes out this long before the expiry. */
export const EXPIRY_NOTICE_MS = 24 * 60 * 60 * 1000

/** The thresholds already emailed, from the `usage_alerts_sent` JSON ({ thresholds: number[] }). */
export function alertsSentOf(json: unknown): number[] {
  const list = json && typeof json === "object" ? (json as { thresholds?: unknown }).thresholds : undefined
  return Array.isArray(list) ? list.filter((value): value is number => typeof value === "number") : []
}

export type UsageLowAlert = {
  /** Every threshold this reading crossed that was not emailed yet: all are recorded as sent. */
  crossed: number[]
  /** The one the email names: the lowest crossed. */
  threshold_mb: number
}

/**
 * Which thresholds the stored reading newly crosses: one email names the lowest, every crossed
 * one is recorded so none is sent again for this package. Never for an unlimited plan or
 * before any reading.
 */
export function usageLowAlert(
  profile: Pick<EsimProfileRow, "remaining_mb" | "is_unlimited" | "usage_alerts_sent">
): UsageLowAlert | null {
  const remaining = profile.remaining_mb
  if (profile.is_unlimited || remaining === null || remaining === undefined) {
    return null
  }
  const sent = alertsSentOf(profile.usage_alerts_sent)
  const crossed = USAGE_THRESHOLDS_MB.filter((mark) => remaining <= mark && !sent.includes(mark))
  return crossed.length ? { crossed: [...crossed], threshold_mb: Math.min(...crossed) } : null
}

/**
 * True when the eSIM expires within a day and was not told so for this expiry: an alert sent
 * before this expiry's notice window belongs to an earlier expiry (a top-up moved it).
 */
export function expiryAlertDue(
  profile: Pick<EsimProfileRow, "expires_at" | "expiry_alert_sent_at" | "lifecycle_status">,
  now: Date
): boolean {
  if (!profile.expires_at || !["new", "active", "depleted"].includes(profile.lifecycle_status)) {
    return false
  }
  const expiry = new Date(profile.expires_at).getTime()
  const windowStart = expiry - EXPIRY_NOTICE_MS
  if (now.getTime() < windowStart || now.getTime() >= expiry) {
    return false
  }
  const sent = profile.expiry_alert_sent_at ? new Date(profile.expiry_alert_sent_at).getTime() : null
  return sent === null || sent < windowStart
}
