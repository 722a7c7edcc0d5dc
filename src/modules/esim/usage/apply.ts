import { EsimflyNotFoundError } from "../../../lib/esimfly"
import type { EsimProfileRow } from "../models/esim-profile"
import type EsimModuleService from "../service"
import { usageIsFresh } from "./cache"
import { UsageProfile, usageChanges } from "./changes"
import { claimEsimMirror } from "./claims"
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
    changed = (await esim.runEsimSql((manager) => claimEsimMirror(manager, { kind: "figures", ...claim }))) || changed
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

/** `not_found`: esimfly answered 404, which is final (lifecycle.md): recorded, and the eSIM is never queried again. */
export type UsageRefresh = {
  profile: EsimProfileRow
  refreshed: boolean
  failure: { kind: "not_found" | "unavailable"; message: string } | null
}

/**
 * One usage query for one eSIM unless its mirror is inside the cache window or esimfly said
 * 404 before; an esimfly failure leaves the figures as they were and is returned, never thrown.
 */
export async function refreshUsage(esim: EsimModuleService, profile: EsimProfileRow, now: Date): Promise<UsageRefresh> {
  if (profile.usage_not_found_at || usageIsFresh(profile.usage_read_at, now, esim.getOptions().usageCacheMs)) {
    return { profile, refreshed: false, failure: null }
  }
  try {
    const usage = await esim.getClient().queryUsage({ iccid: profile.iccid })
    await applyUsageReading(esim, profile, usageQueryReading(usage, now))
  } catch (error) {
    const notFound = error instanceof EsimflyNotFoundError
    const kept = notFound ? await esim.updateEsimProfiles({ id: profile.id, usage_not_found_at: now }) : profile
    const failure = {
      kind: notFound ? ("not_found" as const) : ("unavailable" as const),
      message: (error as Error).message,
    }
    return { profile: kept, refreshed: false, failure }
  }
  const [fresh] = await esim.listEsimProfiles({ id: profile.id })
  return { profile: fresh ?? profile, refreshed: true, failure: null }
}
