import { ProductStatus } from "@medusajs/framework/utils"
import { CatalogueSyncResult } from "../../modules/esim/catalogue"
import { ExchangeRate, PricingRules } from "../../modules/esim/money"

/** A catalogue package as the sync reads it (snake_case; `read.ts` builds it from the client's `Package`). */
export type CataloguePackage = {
  package_code: string
  name: string | null
  type: string | null
  region: string | null
  /** The first location esimfly lists, e.g. "Turkey": a local package's country name. */
  location_name: string | null
  countries: string[]
  data_amount_gb: number | null
  is_unlimited: boolean
  validity_days: number | null
  cost: number | null
  currency: string | null
}

/** What one sync run sells; every given filter must match (option `catalogue`, or the run's input). */
export type CatalogueFilters = {
  types?: string[]
  regions?: string[]
  countries?: string[]
  package_codes?: string[]
}

/** One `GET /esims/packages` walk: the server-side filters the API takes (one type, one country). */
export type CatalogueWalk = { type?: "local" | "regional" | "global"; country?: string }

/** A package that has no price in a store currency, and why. */
export type UnpricedEntry = { package_code: string; currency_code: string; problem: string }

/** A price of an existing variant (price-list prices are left out). */
export type ExistingPrice = { id: string; currency_code: string; amount: number; rules_count: number }

/** A variant of a product the sync created. */
export type ExistingVariant = {
  id: string
  title: string
  /** The variant's "Plan" option value. */
  plan: string | null
  metadata: Record<string, unknown>
  prices: ExistingPrice[]
}

/** A product with an `esim-` handle, synced (`metadata.esimfly_synced`) or not. */
export type ExistingProduct = {
  id: string
  handle: string
  title: string
  status: string
  metadata: Record<string, unknown>
  plan_option_id: string | null
  plan_values: string[]
  variants: ExistingVariant[]
}

/** Where created products go. */
export type CataloguePlacement = { shipping_profile_id: string; sales_channel_id: string }

/** A price to create. */
export type NewPrice = { currency_code: string; amount: number }

/** A price to write; with `id` it updates that price, without it creates one. */
export type PriceInput = NewPrice & { id?: string }

/** A variant to create. */
export type NewVariant = {
  title: string
  options: Record<string, string>
  manage_inventory: boolean
  variant_rank: number
  prices: NewPrice[]
  metadata: Record<string, unknown>
}

/** A change to an existing variant. */
export type VariantUpdate = { id: string; title?: string; metadata?: Record<string, unknown>; prices?: PriceInput[] }

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

/** The rules and the merchant's exchange rates, as one run prices with them. */
export type PricingContext = { rules: PricingRules; rates: ExchangeRate[] }

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
