/** Response shapes of the catalogue routes (snake_case, as the routes send them). */

export type BelowFloorEntry = {
  package_code: string
  variant_id: string | null
  product_handle: string
  currency_code: string
  amount: number
  cost: number | null
  margin_percent: number | null
  price_override: boolean
}

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
  failed_pages: { page: number; type: string | null; country: string | null; message: string }[]
  unpriced: { currency_code: string; problem: string; packages: number; package_codes: string[] }[]
  conflicts: { handle: string; reason: string }[]
}

export type CatalogueSyncStatus = {
  state: "idle" | "running" | "succeeded" | "failed"
  started_at: string | null
  finished_at: string | null
  progress: {
    pages_read: number
    total_pages: number | null
    packages_read: number
    products_created: number
    products_updated: number
    variants_deactivated: number
  }
  result: CatalogueSyncResult | null
  error: string | null
}

export type PriceQuote = {
  currency_code: string
  amount: number | null
  cost: number | null
  margin_percent: number | null
  below_floor: boolean
  source: "rules" | "override" | null
  problem: string | null
}

export type PricingPreview = {
  rules: {
    currencies: string[]
    markup_percent: number
    fixed_amount: Record<string, number>
    rounding: "none" | "whole" | "0.99" | { step: number }
    margin_floor_percent: number
    overridden_packages: number
  }
  exchange_rates: { from: string; to: string; rate: number }[]
  packages: {
    package_code: string
    name: string | null
    destination: string
    plan: string
    cost: number | null
    currency: string | null
    prices: PriceQuote[]
  }[]
}
