import { ProductStatus } from "@medusajs/framework/utils"
import { CataloguePackage, CataloguePlacement, ExistingProduct, NewPrice, NewProduct, NewVariant } from "./types"

/** Where a package is used: one product per destination. */
export type Destination = { name: string; type: "local" | "regional" | "global" }

/** The option that tells a destination's plans apart. */
export const PLAN_OPTION = "Plan"

/** Local: the country; regional: the region; global (or a region-less package): "Global". */
export function destinationOf(pkg: CataloguePackage): Destination {
  if (pkg.type === "local") {
    const name = pkg.location_name ?? pkg.region ?? pkg.countries[0] ?? pkg.package_code
    return { name, type: "local" }
  }
  if (pkg.type !== "global" && pkg.region) {
    return { name: pkg.region, type: "regional" }
  }
  return { name: "Global", type: "global" }
}

/** "Côte d'Ivoire" → "cote-d-ivoire". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

/** `esim-turkey`, `esim-europe`, `esim-global`. */
export function handleOf(destination: Destination): string {
  return `esim-${slugify(destination.name) || "destination"}`
}

/** "Turkey eSIM". */
export function productTitleOf(destination: Destination): string {
  return `${destination.name} eSIM`
}

function dataLabel(pkg: CataloguePackage): string {
  if (pkg.is_unlimited) {
    return "Unlimited"
  }
  const gb = pkg.data_amount_gb ?? 0
  return gb < 1 ? `${Math.round(gb * 1000)} MB` : `${gb} GB`
}

/** "3 GB · 15 days", "Unlimited · 7 days". */
export function planLabelOf(pkg: CataloguePackage): string {
  const days = pkg.validity_days ?? 0
  return `${dataLabel(pkg)} · ${days} ${days === 1 ? "day" : "days"}`
}

/** Shopper order: by data (unlimited last), then validity, then cost, then code. */
export function comparePlans(a: CataloguePackage, b: CataloguePackage): number {
  const data = (pkg: CataloguePackage) => (pkg.is_unlimited ? Infinity : (pkg.data_amount_gb ?? 0))
  return (
    data(a) - data(b) ||
    (a.validity_days ?? 0) - (b.validity_days ?? 0) ||
    (a.cost ?? 0) - (b.cost ?? 0) ||
    (a.package_code < b.package_code ? -1 : a.package_code > b.package_code ? 1 : 0)
  )
}

/**
 * Plan labels for new packages of one product. Two packages with the same data and validity
 * (two providers, say) cannot share an option value: the cheaper keeps the plain label, the
 * others get their code appended. Labels already on the product are never handed out again.
 */
export function assignPlanLabels(packages: CataloguePackage[], taken: Iterable<string>): Map<string, string> {
  const used = new Set(taken)
  const labels = new Map<string, string>()
  for (const pkg of [...packages].sort(comparePlans)) {
    const plain = planLabelOf(pkg)
    const label = used.has(plain) ? `${plain} · ${pkg.package_code}` : plain
    used.add(label)
    labels.set(pkg.package_code, label)
  }
  return labels
}

const flag = (value: unknown) => value === true || value === "true"

/** The merchant set the price by hand: the sync keeps it (`metadata.esimfly_price_override`). */
export const hasPriceOverride = (metadata: Record<string, unknown>) => flag(metadata.esimfly_price_override)

/** The merchant set the title by hand: the sync keeps it (`metadata.esimfly_title_override`). */
export const hasTitleOverride = (metadata: Record<string, unknown>) => flag(metadata.esimfly_title_override)

/** Deactivated variants carry `esimfly_active: false`; everything else counts as active. */
export const isActiveVariant = (metadata: Record<string, unknown>) =>
  metadata.esimfly_active !== false && metadata.esimfly_active !== "false"

/** Products the sync created itself (`metadata.esimfly_synced`); it never touches others. */
export function isSyncedProduct(product: ExistingProduct): boolean {
  return flag(product.metadata.esimfly_synced)
}

/** The metadata the sync owns on the variant of a package it sells. */
export function syncedMetadata(pkg: CataloguePackage, belowFloor: boolean): Record<string, unknown> {
  return {
    esimfly_package_code: pkg.package_code,
    esimfly_cost: pkg.cost,
    esimfly_cost_currency: pkg.currency?.toLowerCase() ?? null,
    esimfly_active: true,
    esimfly_below_floor: belowFloor,
    esimfly_type: pkg.type,
    esimfly_region: pkg.region,
    esimfly_countries: pkg.countries,
  }
}

/** A new variant of a package at the given prices; no inventory (an eSIM is never out of stock). */
export function newVariantInput(
  pkg: CataloguePackage,
  plan: string,
  prices: NewPrice[],
  belowFloor: boolean,
  rank: number
): NewVariant {
  return {
    title: plan,
    options: { [PLAN_OPTION]: plan },
    manage_inventory: false,
    variant_rank: rank,
    prices,
    metadata: syncedMetadata(pkg, belowFloor),
  }
}

/** A published product for a destination, in the eSIM shipping profile and the chosen sales channel. */
export function newProductInput(
  destination: Destination,
  variants: NewVariant[],
  placement: CataloguePlacement
): NewProduct {
  return {
    title: productTitleOf(destination),
    handle: handleOf(destination),
    status: ProductStatus.PUBLISHED,
    description: `Prepaid data eSIM for ${destination.name}, delivered by email right after checkout.`,
    shipping_profile_id: placement.shipping_profile_id,
    sales_channels: [{ id: placement.sales_channel_id }],
    options: [{ title: PLAN_OPTION, values: variants.map((variant) => variant.title) }],
    variants,
    metadata: {
      esimfly_synced: true,
      esimfly_destination: destination.name,
      esimfly_destination_type: destination.type,
    },
  }
}
