import { EsimflyNotFoundError } from "../../../lib/esimfly"
import type { EsimProfileRow } from "../models/esim-profile"
import type EsimModuleService from "../service"
import { usageIsFresh } from "./cache"
import { UsageProfile, usageChanges } from "./changes"
import { UsageReading, usageQueryReading } from "./readings"

/**
 * Writes one reading on the mirror: status, install time and expiry by their rules, the
 * figures only if no newer reading got there first (a guarded update). True when anything changed.
 */
export async function applyUsageReading(
  esim: EsimModuleService,
  profile: UsageProfile,
  reading: UsageReading
): Promise<boolean> {
  const changes = usageChanges(profile, reading)
  const { total_mb, used_mb, remaining_mb, is_unlimited, usage_read_at, usage_alerts_sent, ...life } = changes
  let changed = false
  if (Object.keys(life).length) {
    await esim.updateEsimProfiles({ id: profile.id, ...life })
    changed = true
  }
  if (usage_read_at && reading.figures) {
    const claim = { id: profile.id, figures: reading.figures, read_at: usage_read_at, rearm: !!usage_alerts_sent }
    changed = (await esim.claimEsimMirror({ kind: "figures", ...claim })) || changed
  }
  return changed
}

/** Applies readings to the stored eSIMs they name (others are ignored); returns the ICCIDs that changed. */
export async function applyUsageReadings(esim: EsimModuleService, readings: UsageReading[]): Promise<string[]> {
  if (!readings.length) {
    return []
  }
  const profiles = await esim.listEsimProfiles({ iccid: readings.map((reading) => reading.iccid) }, { take: null })
  const byIccid = new Map(profiles.map((profile) => [profile.iccid, profile]))
  const changed: string[] = []
  for (const reading of readings) {
    const profile = byIccid.get(reading.iccid)
    if (profile && (await applyUsageReading(esim, profile, reading))) {
      changed.push(profile.iccid)
    }
  }
  return changed
}

/** `not_found`: esimfly answered 404, which is final (lifecycle.md): not retried, and the mirror stays as it is. */
export type UsageRefresh = {
  profile: EsimProfileRow
  refreshed: boolean
  failure: { kind: "not_found" | "unavailable"; message: string } | null
}

/**
 * One usage query for one eSIM unless its mirror is inside the cache window; an esimfly
 * failure leaves the mirror as it was and is returned, never thrown.
 */
export async function refreshUsage(esim: EsimModuleService, profile: EsimProfileRow, now: Date): Promise<UsageRefresh> {
  if (usageIsFresh(profile.usage_read_at, now, esim.getOptions().usageCacheMs)) {
    return { profile, refreshed: false, failure: null }
  }
  try {
    const usage = await esim.getClient().queryUsage({ iccid: profile.iccid })
    await applyUsageReading(esim, profile, usageQueryReading(usage, now))
  } catch (error) {
    const kind = error instanceof EsimflyNotFoundError ? "not_found" : "unavailable"
    return { profile, refreshed: false, failure: { kind, message: (error as Error).message } }
  }
  const [fresh] = await esim.listEsimProfiles({ id: profile.id })
  return { profile: fresh ?? profile, refreshed: true, failure: null }
}
