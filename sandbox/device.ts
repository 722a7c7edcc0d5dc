import { randomInt } from "node:crypto"
import { EsimLife, LifeStatus } from "./after-sale-types"
import { SandboxCore } from "./core"
import { DAY_MS, eventBase, findDelivered, lifeOf, MB_PER_GB, remainingMb, setStatus } from "./esim-life"
import { emitWebhook } from "./webhook-delivery"

/** Remaining-data thresholds, each sent once per package (lifecycle.md, `esim.usage.threshold`). */
export const THRESHOLDS_MB = [500, 200, 100, 50]
/** Status events of other providers' eSIMs arrive up to 30 min late (scaled by webhookTimeFactor). */
export const PARTNER_STATUS_LAG_MS = 30 * 60 * 1000

function requireLife(core: SandboxCore, iccid: unknown): EsimLife {
  const life = typeof iccid === "string" ? lifeOf(core, iccid) : null
  if (!life) throw new Error(`no delivered eSIM with iccid ${String(iccid)}`)
  return life
}

/** A device installs the eSIM: installed, profile.updated and status.changed NEW→ACTIVE. */
export function installEsim(core: SandboxCore, iccid: unknown): EsimLife {
  const life = requireLife(core, iccid)
  if (life.status !== "NEW") throw new Error(`eSIM ${life.iccid} is ${life.status}, not NEW`)
  const now = core.now()
  life.installedAt = now
  life.expiresAt = now + life.validityDays * DAY_MS
  life.eid = `89049032${digits(24)}`
  life.imsi = `28601${digits(10)}`
  const found = findDelivered(core, life.iccid)
  if (found) found.esim.state = "installed"
  if (life.network) {
    const changedAt = new Date(now).toISOString()
    const device = { eid: life.eid, imsi: life.imsi }
    emitWebhook(core, "esim.installed", { ...eventBase(life, "smdp"), ...device, installed_at: changedAt })
    emitWebhook(core, "esim.profile.updated", {
      ...eventBase(life, "smdp"),
      profile_status: "Enable",
      profile: "Enabled",
      previous_profile_status: "BPP installation",
      ...device,
      changed_at: changedAt,
    })
  }
  changeStatus(core, life, "ACTIVE")
  return life
}

/** The device uses `mb` of data: thresholds crossed are reported once each; 0 MB left makes it DEPLETED. */
export function useData(core: SandboxCore, iccid: unknown, mb: unknown): EsimLife {
  const life = requireLife(core, iccid)
  if (typeof mb !== "number" || !Number.isFinite(mb) || mb <= 0) throw new Error("mb must be a number > 0")
  if (life.status !== "ACTIVE") throw new Error(`eSIM ${life.iccid} is ${life.status}, not ACTIVE`)
  const before = remainingMb(life)
  life.usedMb = life.unlimited ? life.usedMb + mb : Math.min(life.totalMb, life.usedMb + mb)
  life.lastUsageAt = core.now()
  if (life.unlimited) return life
  const after = remainingMb(life)
  const crossed = THRESHOLDS_MB.filter((mark) => before > mark && after <= mark)
  crossed.filter((mark) => !life.thresholdsSent.includes(mark)).forEach((mark) => reportThreshold(core, life, mark))
  if (after === 0) changeStatus(core, life, "DEPLETED")
  return life
}

function reportThreshold(core: SandboxCore, life: EsimLife, mark: number): void {
  life.thresholdsSent.push(mark)
  if (!life.network) return
  const gb = (mb: number) => Math.round((mb / MB_PER_GB) * 1000) / 1000
  emitWebhook(core, "esim.usage.threshold", {
    ...eventBase(life, "usage_monitor"),
    threshold_remaining_mb: mark,
    used_percent: Math.min(100, Math.round((life.usedMb / life.totalMb) * 10000) / 100),
    used_gb: gb(life.usedMb),
    total_gb: gb(life.totalMb),
    remaining_gb: gb(remainingMb(life)),
    package_id: life.packageId,
    reported_at: new Date(core.now()).toISOString(),
  })
}

/** Uses up whatever data is left (thresholds not yet reported are reported on the way). */
export function depleteEsim(core: SandboxCore, iccid: unknown): EsimLife {
  const life = requireLife(core, iccid)
  if (life.unlimited) throw new Error(`eSIM ${life.iccid} is unlimited and cannot be depleted`)
  return useData(core, iccid, Math.max(remainingMb(life), 1))
}

/** The validity ends: status EXPIRED. */
export function expireEsim(core: SandboxCore, iccid: unknown): EsimLife {
  const life = requireLife(core, iccid)
  if (life.status === "EXPIRED" || life.status === "CANCELLED") {
    throw new Error(`eSIM ${life.iccid} is already ${life.status}`)
  }
  life.expiresAt = core.now()
  changeStatus(core, life, "EXPIRED")
  return life
}

/** Sets the status and reports the change: at once on the eSIMfly network, up to 30 min late elsewhere. */
export function changeStatus(core: SandboxCore, life: EsimLife, status: LifeStatus): void {
  const old = setStatus(life, status)
  if (old === status) return
  const now = new Date(core.now()).toISOString()
  const expiry = life.expiresAt === null ? null : new Date(life.expiresAt).toISOString()
  const data = { ...eventBase(life, "status_sync"), old_status: old, new_status: status, changed_at: now }
  emitWebhook(core, "esim.status.changed", { ...data, expiry_date: expiry }, life.network ? 0 : PARTNER_STATUS_LAG_MS)
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join("")
}
