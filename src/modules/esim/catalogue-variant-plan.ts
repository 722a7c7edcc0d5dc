import { CataloguePackage, ExistingPrice, ExistingVariant, UnpricedEntry } from "./catalogue-types"
import { assessPrice, costIn, PriceQuote, PricingRules, quotePackage } from "./money"
import { ExchangeRate } from "./money"

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

/** What pricing a package on a variant gives: the prices to write (null: unchanged) and the prices in force. */
export type VariantPricing = { prices: PriceInput[] | null; effective: PriceQuote[]; unpriced: UnpricedEntry[] }

/** The rules and the merchant's exchange rates, as one run prices with them. */
export type PricingContext = { rules: PricingRules; rates: ExchangeRate[] }

/** A price differs when it moved by half a cent or more. */
const PRICE_TOLERANCE = 0.005

const flag = (value: unknown) => value === true || value === "true"

/** The merchant set the price by hand: the sync keeps it (`metadata.esimfly_price_override`). */
export const hasPriceOverride = (metadata: Record<string, unknown>) => flag(metadata.esimfly_price_override)

/** The merchant set the title by hand: the sync keeps it (`metadata.esimfly_title_override`). */
export const hasTitleOverride = (metadata: Record<string, unknown>) => flag(metadata.esimfly_title_override)

/** Deactivated variants carry `esimfly_active: false`; everything else counts as active. */
export const isActiveVariant = (metadata: Record<string, unknown>) => metadata.esimfly_active !== false && metadata.esimfly_active !== "false"

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

function storedPrices(metadata: Record<string, unknown>): { currency_code: string; amount: number }[] {
  const stash = metadata.esimfly_inactive_prices
  return Array.isArray(stash) ? stash.filter((price) => typeof price?.currency_code === "string" && typeof price?.amount === "number") : []
}

/** Prices with the rules' amounts, keeping every other price (ids kept, so region prices keep their rules). */
function withQuotedPrices(existing: ExistingPrice[], quotes: PriceQuote[]): PriceInput[] | null {
  const next: PriceInput[] = existing.map(({ id, currency_code, amount }) => ({ id, currency_code, amount }))
  let changed = false
  for (const quote of quotes) {
    const base = existing.find((price) => price.rules_count === 0 && price.currency_code === quote.currency_code)
    const target = base ? next.find((price) => price.id === base.id) : undefined
    if (quote.amount === null || (base && Math.abs(base.amount - quote.amount) < PRICE_TOLERANCE)) {
      continue
    }
    changed = true
    if (target) {
      target.amount = quote.amount
    } else {
      next.push({ currency_code: quote.currency_code, amount: quote.amount })
    }
  }
  return changed ? next : null
}

/** Hand-set prices are kept; their margin is still checked against the (converted) cost. */
function keptPricing(pkg: CataloguePackage, variant: ExistingVariant, ctx: PricingContext): VariantPricing {
  const reactivating = !isActiveVariant(variant.metadata)
  const base = reactivating ? storedPrices(variant.metadata) : variant.prices.filter((price) => price.rules_count === 0)
  const effective: PriceQuote[] = []
  for (const currency of ctx.rules.currencies) {
    const price = base.find((candidate) => candidate.currency_code === currency)
    const cost = costIn(pkg, currency, ctx.rates)
    if (price && typeof cost === "number") {
      effective.push(assessPrice(currency, price.amount, cost, ctx.rules.marginFloorPercent))
    }
  }
  const prices = reactivating ? base.map(({ currency_code, amount }) => ({ currency_code, amount })) : null
  return { prices, effective, unpriced: [] }
}

/** The prices of a package on a variant (null for a new one). */
export function priceVariant(pkg: CataloguePackage, variant: ExistingVariant | null, ctx: PricingContext): VariantPricing {
  if (variant && hasPriceOverride(variant.metadata)) {
    return keptPricing(pkg, variant, ctx)
  }
  const quotes = quotePackage(pkg, ctx.rules, ctx.rates)
  const effective = quotes.filter((quote) => quote.amount !== null)
  const unpriced = quotes
    .filter((quote) => quote.problem !== null)
    .map((quote) => ({ package_code: pkg.package_code, currency_code: quote.currency_code, problem: quote.problem ?? "" }))
  const prices = variant ? withQuotedPrices(variant.prices, quotes) : effective.map(({ currency_code, amount }) => ({ currency_code, amount: amount ?? 0 }))
  return { prices, effective, unpriced }
}

function sameValue(current: unknown, desired: unknown): boolean {
  // "" asks Medusa to delete the key (mergeMetadata), so it matches an absent key.
  return desired === "" ? current === undefined : JSON.stringify(current) === JSON.stringify(desired)
}

/** The update that brings an existing variant in line with its package, or null when nothing changes. */
export function variantUpdateFor(variant: ExistingVariant, pkg: CataloguePackage, pricing: VariantPricing): VariantUpdate | null {
  const belowFloor = pricing.effective.some((quote) => quote.below_floor)
  const stash = variant.metadata.esimfly_inactive_prices === undefined ? {} : { esimfly_inactive_prices: "" }
  const desired = { ...syncedMetadata(pkg, belowFloor), ...stash }
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
  const stash = variant.prices.filter((price) => price.rules_count === 0).map(({ currency_code, amount }) => ({ currency_code, amount }))
  const metadata = { ...variant.metadata, esimfly_active: false, esimfly_below_floor: false, esimfly_inactive_prices: stash }
  return { id: variant.id, metadata, prices: [] }
}
