import type { KnownWebhookEvent } from "../../../lib/esimfly"
import type { EsimProfileRow } from "../models/esim-profile"
import { LifecycleStatus, lifecycleStatusOf, nextLifecycleStatus } from "../usage"

export type LifeProfile = Pick<
  EsimProfileRow,
  "id" | "lifecycle_status" | "installed_at" | "status_changed_at" | "expires_at"
>

export type LifeFields = Partial<Pick<EsimProfileRow, "installed_at" | "status_changed_at" | "expires_at">> & {
  lifecycle_status?: LifecycleStatus
}

function dateOf(value: string | null | undefined): Date | null {
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

/** Moves the status forward only; the time is the event's, else its delivery's. */
function moveTo(profile: LifeProfile, incoming: LifecycleStatus | null, at: Date): LifeFields {
  if (!incoming) return {}
  const next = nextLifecycleStatus(profile.lifecycle_status, incoming)
  return next === profile.lifecycle_status ? {} : { lifecycle_status: next, status_changed_at: at }
}

/**
 * What an install or status event changes on a stored eSIM; empty when it changes nothing
 * (a replay, or an event older than what is stored). Usage thresholds and SM-DP+ profile
 * updates change no life column: the usage mirror of the next part reads them from the
 * stored events.
 */
export function lifeChanges(event: KnownWebhookEvent, profile: LifeProfile): LifeFields {
  const at = dateOf(event.timestamp) ?? new Date()
  if (event.event === "esim.installed") {
    const installedAt = dateOf(event.data.installedAt) ?? at
    const moved = moveTo(profile, "active", installedAt)
    return profile.installed_at ? moved : { ...moved, installed_at: installedAt }
  }
  if (event.event === "esim.status.changed") {
    const moved = moveTo(profile, lifecycleStatusOf(event.data.newStatus), dateOf(event.data.changedAt) ?? at)
    const expiry = dateOf(event.data.expiryDate)
    const newer = expiry && (!profile.expires_at || expiry.getTime() > new Date(profile.expires_at).getTime())
    return newer ? { ...moved, expires_at: expiry } : moved
  }
  return {}
}
