import { buildCatalogue, CataloguePackage } from "./catalogue"
import { SandboxCore } from "./core"
import { IQD_PER_USD, toMinor } from "./money"
import { packageWire, PackageWire } from "./packages"
import { Currency } from "./types"

function packageOf(core: SandboxCore, code: unknown): CataloguePackage {
  const pkg = typeof code === "string" ? core.packagesByCode.get(code) : undefined
  if (!pkg) throw new Error(`no package with code ${String(code)}`)
  return pkg
}

/** The catalogue keeps USD cents; an IQD cost is stored so that it converts back exactly. */
function usdCentsOf(cost: number, currency: Currency): number {
  const minor = toMinor(cost, currency)
  return currency === "USD" ? minor : (minor * 100) / IQD_PER_USD
}

/** Changes a package's cost (major units of the account currency); listings and new orders use it. */
export function setPackageCost(core: SandboxCore, code: unknown, cost: unknown): PackageWire {
  const pkg = packageOf(core, code)
  if (typeof cost !== "number" || !Number.isFinite(cost) || cost <= 0) {
    throw new Error("cost must be a number > 0")
  }
  pkg.usdCents = usdCentsOf(cost, core.options.currency)
  return packageWire(pkg, core.options.currency)
}

/** Takes a package off the catalogue, as esimfly retires one: it is no longer listed or sold. */
export function removePackage(core: SandboxCore, code: unknown): void {
  const pkg = packageOf(core, code)
  core.catalogue = core.catalogue.filter((candidate) => candidate !== pkg)
  core.packagesByCode.delete(pkg.code)
  core.retired.set(pkg.code, pkg)
}

/** Puts the generated catalogue back (reset). */
export function restoreCatalogue(core: SandboxCore): void {
  core.catalogue = buildCatalogue()
  core.packagesByCode = new Map(core.catalogue.map((pkg) => [pkg.code, pkg]))
  core.retired.clear()
}

/** `POST /__sandbox/packages` body: `{ setCost?: { [code]: cost }, remove?: code | code[] }`. */
export function applyPackagePatch(
  core: SandboxCore,
  patch: Record<string, unknown>
): { total: number; changed: PackageWire[] } {
  const unknown = Object.keys(patch).filter((key) => key !== "setCost" && key !== "remove")
  if (unknown.length > 0) throw new Error(`unknown key ${unknown.join(", ")}; use setCost, remove`)
  const costs = patch.setCost ?? {}
  if (typeof costs !== "object" || costs === null || Array.isArray(costs)) {
    throw new Error('setCost must be an object like { "TR-1GB-7D": 3.1 }')
  }
  const changed = Object.entries(costs).map(([code, cost]) => setPackageCost(core, code, cost))
  const removals = patch.remove === undefined ? [] : Array.isArray(patch.remove) ? patch.remove : [patch.remove]
  removals.forEach((code) => removePackage(core, code))
  return { total: core.catalogue.length, changed }
}
