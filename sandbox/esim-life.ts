import { EsimLife, LifeStatus } from "./after-sale-types"
import { CataloguePackage } from "./catalogue"
import { SandboxCore } from "./core"
import { EsimRecord, OrderRecord } from "./types"

export const MB_PER_GB = 1024
export const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The packages under esimfly's documented example codes stand for other providers' eSIMs; every
 * generated package (TR-1GB-7D, EU-5GB-30D, GLOBAL-3GB-30D, the -SLOW ones …) is on the eSIMfly network.
 */
export const PARTNER_PACKAGES = ["TR1GB7D", "merhaba-7days-1gb", "merhaba-15days-2gb", "europe-5gb-30days"]

export function isNetworkPackage(packageCode: string): boolean {
  return !PARTNER_PACKAGES.includes(packageCode)
}

export function packageOf(core: SandboxCore, packageCode: string): CataloguePackage {
  const pkg = core.packagesByCode.get(packageCode) ?? core.retired.get(packageCode)
  if (!pkg) throw new Error(`esimfly sandbox: package ${packageCode} is not in the catalogue`)
  return pkg
}

/** The delivered eSIM with this ICCID and its order (placeholders of pending orders are not eSIMs). */
export function findDelivered(core: SandboxCore, iccid: string): { order: OrderRecord; esim: EsimRecord } | null {
  for (const order of core.state.orders) {
    const esim = order.esims.find((candidate) => candidate.iccid === iccid)
    if (esim) return { order, esim }
  }
  return null
}

/** The eSIM's lifecycle, created from its package on first use; null for an unknown ICCID. */
export function lifeOf(core: SandboxCore, iccid: string): EsimLife | null {
  const found = findDelivered(core, iccid)
  if (!found) return null
  const { order, esim } = found
  let life = core.state.lives.get(iccid)
  if (!life) {
    const pkg = packageOf(core, order.packageCode)
    life = {
      iccid,
      order,
      network: isNetworkPackage(order.packageCode),
      status: "NEW",
      unlimited: pkg.dataGb === null,
      totalMb: (pkg.dataGb ?? 0) * MB_PER_GB,
      usedMb: 0,
      validityDays: pkg.validityDays,
      packageId: core.state.nextPackageId++,
      thresholdsSent: [],
      installedAt: null,
      lastUsageAt: null,
      expiresAt: null,
      eid: null,
      imsi: null,
    }
    core.state.lives.set(iccid, life)
  }
  // POST /esims/cancel changes the eSIM record; the lifecycle follows it.
  if (esim.state === "cancelled") life.status = "CANCELLED"
  return life
}

/** Every delivered eSIM's lifecycle, newest order first. */
export function allLives(core: SandboxCore): EsimLife[] {
  const orders = [...core.state.orders].reverse()
  return orders.flatMap((order) => order.esims.flatMap((esim) => lifeOf(core, esim.iccid) ?? []))
}

export function remainingMb(life: EsimLife): number {
  return life.unlimited ? 0 : Math.max(0, life.totalMb - life.usedMb)
}

/** When an eSIM that was never installed stops being installable (the status answer's `expiredTime`). */
export function installDeadline(order: OrderRecord): number {
  return (order.completedAt ?? order.createdAt) + 180 * DAY_MS
}

/** The fields every event's `data` starts with (lifecycle.md, "Body"); `source` names who noticed. */
export function eventBase(life: EsimLife, source: string): { iccid: string; order_reference: string } & object {
  return {
    iccid: life.iccid,
    esim_id: life.order.id,
    package_code: life.order.packageCode,
    order_reference: life.order.orderReference,
    source,
  }
}

export function setStatus(life: EsimLife, status: LifeStatus): LifeStatus {
  const old = life.status
  life.status = status
  return old
}
