import type { EsimProfileRow } from "../models/esim-profile"
import { LifecycleStatus, lifecycleStatusOf, nextLifecycleStatus } from "./status"
import { EsimLifeField } from "./mirror-fields"
import { UsageFigures, UsageReading } from "./readings"

/** The mirror columns a reading is compared with. */
export type UsageProfile = Pick<EsimProfileRow, "id" | EsimLifeField | "usage_alerts_sent">

export type UsageChanges = Partial<
  UsageFigures & Pick<EsimProfileRow, "installed_at" | "expires_at" | "status_changed_at" | "usage_read_at">
> & { lifecycle_status?: LifecycleStatus; usage_alerts_sent?: { thresholds: number[] } }

const timeOf = (date: Date | string | null) => (date ? new Date(date).getTime() : null)

/**
 * The figures, only when the reading is newer than the stored one (a late event never
 * overwrites a fresher query). A larger total is a top-up: esimfly arms its thresholds again
 * for the new package, and so does the mirror.
 */
function figureChanges(profile: UsageProfile, reading: UsageReading): UsageChanges {
  const stored = timeOf(profile.usage_read_at)
  if (!reading.figures || (stored !== null && reading.read_at.getTime() <= stored)) {
    return {}
  }
  const { total_mb } = reading.figures
  const toppedUp = total_mb !== null && profile.total_mb !== null && total_mb > profile.total_mb
  return {
    ...reading.figures,
    usage_read_at: reading.read_at,
    ...(toppedUp ? { usage_alerts_sent: { thresholds: [] } } : {}),
  }
}

/** The status only forwards (lifecycle's no-backwards rule), the install time once, the expiry only later. */
function lifeChanges(profile: UsageProfile, reading: UsageReading): UsageChanges {
  const changes: UsageChanges = {}
  const incoming = lifecycleStatusOf(reading.status)
  const next = incoming ? nextLifecycleStatus(profile.lifecycle_status, incoming) : profile.lifecycle_status
  if (next !== profile.lifecycle_status) {
    Object.assign(changes, { lifecycle_status: next, status_changed_at: reading.read_at })
  }
  if (reading.installed_at && !profile.installed_at) {
    changes.installed_at = reading.installed_at
  }
  const expiry = timeOf(profile.expires_at)
  if (reading.expires_at && (expiry === null || reading.expires_at.getTime() > expiry)) {
    changes.expires_at = reading.expires_at
  }
  return changes
}

/** What one reading changes on the mirror; empty when it brings nothing new. */
export function usageChanges(profile: UsageProfile, reading: UsageReading): UsageChanges {
  return { ...lifeChanges(profile, reading), ...figureChanges(profile, reading) }
}
