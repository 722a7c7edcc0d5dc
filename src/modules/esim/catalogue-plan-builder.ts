import { NewProduct, ProductUpdate } from "./catalogue-product-plan"
import { BelowFloorEntry, CatalogueFilters, CataloguePackage, CataloguePlacement, CatalogueSyncResult, ExistingProduct, ExistingVariant, UnpricedEntry } from "./catalogue-types"
import { hasPriceOverride, NewVariant, PricingContext, priceVariant, VariantPricing, VariantUpdate } from "./catalogue-variant-plan"

/** What one run plans from: the catalogue read, the products in the store, and the rules. */
export type SyncPlanInput = {
  /** The packages read in this run, already filtered to its scope. */
  packages: CataloguePackage[]
  existing: ExistingProduct[]
  pricing: PricingContext
  placement: CataloguePlacement
  filters: CatalogueFilters
  /** False when a page failed (or nothing was read): vanished packages are then left alone. */
  deactivation: { allowed: boolean; reason: string | null }
}

/** Option values to add to an existing product before its new variants are created. */
export type PlanValues = { product_id: string; option_id: string; values: string[] }

/** Every write one run makes; empty lists mean nothing changes. */
export type SyncPlan = {
  products_to_create: NewProduct[]
  plan_values_to_add: PlanValues[]
  variants_to_create: (NewVariant & { product_id: string })[]
  variants_to_update: VariantUpdate[]
  products_to_update: ProductUpdate[]
  summary: Omit<CatalogueSyncResult, "pages_read" | "packages_read" | "failed_pages">
}

/** Collects one run's writes and counters while the plan is made. */
export class PlanBuilder {
  readonly plan: SyncPlan = {
    products_to_create: [],
    plan_values_to_add: [],
    variants_to_create: [],
    variants_to_update: [],
    products_to_update: [],
    summary: {
      products_created: 0,
      products_updated: 0,
      variants_created: 0,
      variants_updated: 0,
      variants_deactivated: 0,
      below_floor: [],
      deactivation_aborted: false,
      deactivation_aborted_reason: null,
      unpriced: [],
      conflicts: [],
    },
  }
  readonly unpriced: UnpricedEntry[] = []
  /** Active variants per synced product once the plan is applied. */
  readonly active = new Map<string, number>()

  constructor(readonly input: SyncPlanInput) {}

  /** Prices a package on a variant (null: a new one), noting unpriced currencies and margins under the floor. */
  price(pkg: CataloguePackage, variant: ExistingVariant | null, handle: string): VariantPricing {
    const pricing = priceVariant(pkg, variant, this.input.pricing)
    this.unpriced.push(...pricing.unpriced)
    const override = variant !== null && hasPriceOverride(variant.metadata)
    const entries: BelowFloorEntry[] = pricing.effective
      .filter((quote) => quote.below_floor && quote.amount !== null)
      .map((quote) => ({
        package_code: pkg.package_code,
        variant_id: variant?.id ?? null,
        product_handle: handle,
        currency_code: quote.currency_code,
        amount: quote.amount ?? 0,
        cost: quote.cost,
        margin_percent: quote.margin_percent,
        price_override: override,
      }))
    this.plan.summary.below_floor.push(...entries)
    return pricing
  }

  adjustActive(productId: string, delta: number): void {
    this.active.set(productId, (this.active.get(productId) ?? 0) + delta)
  }
}
