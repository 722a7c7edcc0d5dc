import { ProductStatus } from "@medusajs/framework/utils"
import { Destination, handleOf, PLAN_OPTION, productTitleOf } from "./catalogue-layout"
import { CataloguePackage, CataloguePlacement, ExistingProduct } from "./catalogue-types"
import { hasTitleOverride, NewVariant, syncedMetadata, VariantPricing } from "./catalogue-variant-plan"

/** A product to create, with its variants. */
export type NewProduct = {
  title: string
  handle: string
  status: ProductStatus
  description: string
  shipping_profile_id: string
  sales_channels: { id: string }[]
  options: { title: string; values: string[] }[]
  variants: NewVariant[]
  metadata: Record<string, unknown>
}

/** A change to an existing product. */
export type ProductUpdate = { id: string; title?: string; status?: ProductStatus; metadata?: Record<string, unknown> }

/** A new variant of a package, priced by the rules; no inventory (an eSIM is never out of stock). */
export function newVariantInput(pkg: CataloguePackage, plan: string, pricing: VariantPricing, rank: number): NewVariant {
  const prices = (pricing.prices ?? []).map(({ currency_code, amount }) => ({ currency_code, amount }))
  const belowFloor = pricing.effective.some((quote) => quote.below_floor)
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
export function newProductInput(destination: Destination, variants: NewVariant[], placement: CataloguePlacement): NewProduct {
  return {
    title: productTitleOf(destination),
    handle: handleOf(destination),
    status: ProductStatus.PUBLISHED,
    description: `Prepaid data eSIM for ${destination.name}, delivered by email right after checkout.`,
    shipping_profile_id: placement.shipping_profile_id,
    sales_channels: [{ id: placement.sales_channel_id }],
    options: [{ title: PLAN_OPTION, values: variants.map((variant) => variant.title) }],
    variants,
    metadata: { esimfly_synced: true, esimfly_destination: destination.name, esimfly_destination_type: destination.type },
  }
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
  const metadata = status ? { metadata: { ...product.metadata, esimfly_drafted_by_sync: status === ProductStatus.DRAFT } } : {}
  return { id: product.id, ...(title ? { title } : {}), ...(status ? { status } : {}), ...metadata }
}

/** Products the sync created itself (`metadata.esimfly_synced`); it never touches others. */
export function isSyncedProduct(product: ExistingProduct): boolean {
  return product.metadata.esimfly_synced === true || product.metadata.esimfly_synced === "true"
}
