import { assessPrice, costIn, PriceQuote, quotePackage } from "../../modules/esim/money"
import { BelowFloorEntry, UnpricedSummary } from "../../modules/esim/catalogue"
import { hasPriceOverride, isActiveVariant } from "./layout"
import { CataloguePackage, ExistingPrice, ExistingVariant, PriceInput, PricingContext, UnpricedEntry } from "./types"

/** What pricing a package on a variant gives: the prices to write (null: unchanged) and the prices in force. */
export type VariantPricing = { prices: PriceInput[] | null; effective: PriceQuote[]; unpriced: UnpricedEntry[] }

/** A price differs when it moved by half a cent or more. */
const PRICE_TOLERANCE = 0.005

/** How many codes an unpriced summary names; the count covers the rest. */
const SAMPLE_CODES = 20

function storedPrices(metadata: Record<string, unknown>): { currency_code: string; amount: number }[] {
  const stash = metadata.esimfly_inactive_prices
  return Array.isArray(stash)
    ? stash.filter((price) => typeof price?.currency_code === "string" && typeof price?.amount === "number")
    : []
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
export function priceVariant(
  pkg: CataloguePackage,
  variant: ExistingVariant | null,
  ctx: PricingContext
): VariantPricing {
  if (variant && hasPriceOverride(variant.metadata)) {
    return keptPricing(pkg, variant, ctx)
  }
  const quotes = quotePackage(pkg, ctx.rules, ctx.rates)
  const effective = quotes.filter((quote) => quote.amount !== null)
  const unpriced = quotes
    .filter((quote) => quote.problem !== null)
    .map((quote) => ({
      package_code: pkg.package_code,
      currency_code: quote.currency_code,
      problem: quote.problem ?? "",
    }))
  const prices = variant
    ? withQuotedPrices(variant.prices, quotes)
    : effective.map(({ currency_code, amount }) => ({ currency_code, amount: amount ?? 0 }))
  return { prices, effective, unpriced }
}

/** Whether any price in force sells under the margin floor. */
export const isBelowFloor = (pricing: VariantPricing) => pricing.effective.some((quote) => quote.below_floor)

/** The prices in force under the margin floor, as the run's result lists them. */
export function belowFloorEntries(
  pkg: CataloguePackage,
  variant: ExistingVariant | null,
  handle: string,
  pricing: VariantPricing
): BelowFloorEntry[] {
  const override = variant !== null && hasPriceOverride(variant.metadata)
  return pricing.effective
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
}

/** Groups unpriced packages by currency and reason, so a missing rate is one line, not 7,000. */
export function summariseUnpriced(entries: UnpricedEntry[]): UnpricedSummary[] {
  const groups = new Map<string, UnpricedSummary>()
  for (const entry of entries) {
    const key = `${entry.currency_code}\u0000${entry.problem}`
    const group = groups.get(key) ?? {
      currency_code: entry.currency_code,
      problem: entry.problem,
      packages: 0,
      package_codes: [],
    }
    group.packages++
    if (group.package_codes.length < SAMPLE_CODES) {
      group.package_codes.push(entry.package_code)
    }
    groups.set(key, group)
  }
  return [...groups.values()]
}
