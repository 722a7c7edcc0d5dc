import { ProductStatus } from "@medusajs/framework/utils"
import { hasTitleOverride, syncedMetadata } from "./layout"
import { isBelowFloor, VariantPricing } from "./prices"
import { CataloguePackage, ExistingProduct, ExistingVariant, ProductUpdate, VariantUpdate } from "./types"

function sameValue(current: unknown, desired: unknown): boolean {
  // "" asks Medusa to delete the key (mergeMetadata), so it matches an absent key.
  return desired === "" ? current === undefined : JSON.stringify(current) === JSON.stringify(desired)
}

/** The update that brings an existing variant in line with its package, or null when nothing changes. */
export function variantUpdateFor(
  variant: ExistingVariant,
  pkg: CataloguePackage,
  pricing: VariantPricing
): VariantUpdate | null {
  const stash = variant.metadata.esimfly_inactive_prices === undefined ? {} : { esimfly_inactive_prices: "" }
  const desired = { ...syncedMetadata(pkg, isBelowFloor(pricing)), ...stash }
  const metadataChanged = Object.entries(desired).some(([key, value]) => !sameValue(variant.metadata[key], value))
  const retitle = !hasTitleOverride(variant.metadata) && variant.plan !== null && variant.title !== variant.plan
  if (!metadataChanged && !retitle && pricing.prices === null) {
    return null
  }
  return {
    id: variant.id,
    ...(retitle && variant.plan ? { title: variant.plan } : {}),
    ...(metadataChanged ? { metadata: { ...variant.metadata, ...desired } } : {}),
    ...(pricing.prices ? { prices: pricing.prices } : {}),
  }
}

/**
 * Deactivates the variant of a vanished package without deleting it: `esimfly_active: false`
 * and no prices, so Medusa refuses to add it to a cart ("do not have a price"). Its
 * currency prices are kept in `esimfly_inactive_prices` and come back with the package.
 */
export function deactivationFor(variant: ExistingVariant): VariantUpdate {
  const stash = variant.prices
    .filter((price) => price.rules_count === 0)
    .map(({ currency_code, amount }) => ({ currency_code, amount }))
  const metadata = {
    ...variant.metadata,
    esimfly_active: false,
    esimfly_below_floor: false,
    esimfly_inactive_prices: stash,
  }
  return { id: variant.id, metadata, prices: [] }
}

/**
 * Title and status a synced product should have. A product left without an active variant
 * is set to draft (hidden from the storefront) and marked `esimfly_drafted_by_sync`; only
 * such a product is published again when a package comes back. A draft set by hand stays.
 */
export function productUpdateFor(product: ExistingProduct, activeVariants: number): ProductUpdate | null {
  const destination = product.metadata.esimfly_destination
  const title =
    typeof destination === "string" && !hasTitleOverride(product.metadata) && product.title !== `${destination} eSIM`
      ? `${destination} eSIM`
      : undefined
  const draftedBySync = product.metadata.esimfly_drafted_by_sync === true
  let status: ProductStatus | undefined
  if (activeVariants === 0 && product.status === ProductStatus.PUBLISHED) {
    status = ProductStatus.DRAFT
  } else if (activeVariants > 0 && product.status === ProductStatus.DRAFT && draftedBySync) {
    status = ProductStatus.PUBLISHED
  }
  if (title === undefined && status === undefined) {
    return null
  }
  const metadata = status
    ? { metadata: { ...product.metadata, esimfly_drafted_by_sync: status === ProductStatus.DRAFT } }
    : {}
  return { id: product.id, ...(title ? { title } : {}), ...(status ? { status } : {}), ...metadata }
}
