import { EsimLife } from "./after-sale-types"
import { CataloguePackage } from "./catalogue"
import { SandboxCore } from "./core"
import { packageOf } from "./esim-life"

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
]

/**
 * ACTIVE, DEPLETED and USED_EXPIRED (an expired eSIM that was installed) may be topped up; NEW only
 * on the eSIMfly network (docs/api/topup-order.md).
 */
export function isToppable(life: EsimLife): boolean {
  if (life.status === "ACTIVE" || life.status === "DEPLETED") return true
  if (life.status === "EXPIRED") return life.installedAt !== null
  return life.status === "NEW" && life.network
}

/** The eSIM's options: rechargeable packages of the same market as the one it was bought with. */
export function topupOptions(core: SandboxCore, life: EsimLife): CataloguePackage[] {
  const base = packageOf(core, life.order.packageCode)
  return core.catalogue.filter(
    (pkg) => pkg.rechargeable && pkg.dataGb !== null && pkg.region === base.region && pkg.type === base.type
  )
}

/** "February 13, 2026 at 11:27 PM" (UTC): the top-up answer's `expiredTime` is not ISO (lifecycle.md). */
export function humanTime(ms: number): string {
  const date = new Date(ms)
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, "0")
  const clock = `${hours % 12 || 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} at ${clock}`
}
