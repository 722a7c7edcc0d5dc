/** A catalogue package as the sync reads it (module data; `mappers.ts` builds it from the client's `Package`). */
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

/** A page that could not be read, after the client's retries. */
export type FailedPage = { page: number; type: string | null; country: string | null; message: string }

/** A variant whose margin is under `pricing.marginFloorPercent`. */
export type BelowFloorEntry = {
  package_code: string
  variant_id: string | null
  product_handle: string
  currency_code: string
  amount: number
  cost: number | null
  margin_percent: number | null
  /** True when the price is the merchant's (`esimfly_price_override`), so the sync did not change it. */
  price_override: boolean
}

/** A package that has no price in a store currency, and why. */
export type UnpricedEntry = { package_code: string; currency_code: string; problem: string }

/** Unpriced packages grouped by currency and reason (a missing rate leaves every package unpriced). */
export type UnpricedSummary = { currency_code: string; problem: string; packages: number; package_codes: string[] }

/** What one sync run did. Counters count writes: a run that changes nothing reports zeros. */
export type CatalogueSyncResult = {
  pages_read: number
  packages_read: number
  products_created: number
  products_updated: number
  variants_created: number
  variants_updated: number
  variants_deactivated: number
  below_floor: BelowFloorEntry[]
  deactivation_aborted: boolean
  deactivation_aborted_reason: string | null
  failed_pages: FailedPage[]
  unpriced: UnpricedSummary[]
  /** Destinations skipped because a product the sync did not create already has their handle. */
  conflicts: { handle: string; reason: string }[]
}

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
