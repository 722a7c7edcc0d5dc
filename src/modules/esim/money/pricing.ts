import { ExchangeRate } from "./profit"

/** How a computed price is rounded, always upwards so rounding never eats the margin. */
export type Rounding = "none" | "whole" | "0.99" | { step: number }

/** Per-package exceptions to the rules; `fixedAmount` and `price` are per store currency. */
export type PackageOverride = {
  markupPercent?: number
  fixedAmount?: Record<string, number>
  price?: Record<string, number>
}

/** The merchant's pricing rules (option `pricing`). */
export type PricingRules = {
  currencies: string[]
  markupPercent: number
  fixedAmount: Record<string, number>
  rounding: Rounding
  marginFloorPercent: number
  overrides: Record<string, PackageOverride>
}

/** What the rules need to know about a package. */
export type PricedPackage = { package_code: string; cost: number | null; currency: string | null }

/** The selling price of one package in one store currency, or why there is none. */
export type PriceQuote = {
  currency_code: string
  /** Major units; null when the package cannot be priced in this currency (see `problem`). */
  amount: number | null
  /** The esimfly cost converted to this currency. */
  cost: number | null
  margin_percent: number | null
  below_floor: boolean
  /** "rules", or "override" when option `pricing.overrides` fixes the price. */
  source: "rules" | "override" | null
  problem: string | null
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** Rounds up in whole cents, so float noise (3.99 → 3.9900000001) never jumps a step. */
export function roundPrice(amount: number, rounding: Rounding): number {
  const cents = Math.round(amount * 100)
  if (rounding === "none") {
    return cents / 100
  }
  if (rounding === "whole") {
    return Math.ceil(cents / 100)
  }
  if (rounding === "0.99") {
    // The smallest x.99 at or above the amount: 3.54 → 3.99, 3.99 → 3.99, 4.00 → 4.99.
    return (Math.ceil((cents + 1) / 100) * 100 - 1) / 100
  }
  const stepCents = Math.max(1, Math.round(rounding.step * 100))
  return (Math.ceil(cents / stepCents) * stepCents) / 100
}

/** Profit as a share of the selling price, in percent (2 decimals); null for a zero price. */
export function marginPercent(price: number, cost: number): number | null {
  return price > 0 ? round(((price - cost) / price) * 100, 2) : null
}

/** The cost in the store currency, with the merchant's rate when the currencies differ. */
export function convertCost(cost: number, from: string, to: string, rates: ExchangeRate[]): number | null {
  if (from === to) {
    return cost
  }
  const rate = rates.find((candidate) => candidate.from === from && candidate.to === to)
  return rate ? cost * rate.rate : null
}

/** Margin and floor check of a price that is already set (a kept, hand-set price included). */
export function assessPrice(currency_code: string, amount: number, cost: number, floorPercent: number): PriceQuote {
  const margin_percent = marginPercent(amount, cost)
  const below_floor = margin_percent === null || margin_percent < floorPercent
  return { currency_code, amount, cost: round(cost, 4), margin_percent, below_floor, source: null, problem: null }
}

function unpriced(currency_code: string, problem: string): PriceQuote {
  return { currency_code, amount: null, cost: null, margin_percent: null, below_floor: false, source: null, problem }
}

/** The cost of a package in a store currency, or the reason it has none. */
export function costIn(pkg: PricedPackage, currency: string, rates: ExchangeRate[]): number | string {
  if (pkg.cost === null || !pkg.currency) {
    return "esimfly sent no cost or currency for this package"
  }
  const from = pkg.currency.toLowerCase()
  const cost = convertCost(pkg.cost, from, currency, rates)
  return cost ?? `no exchange rate from ${from} to ${currency} (option "exchangeRates")`
}

/** Selling price in one currency: cost × (1 + markup %) + fixed amount, rounded; or the override's price. */
export function quoteCurrency(
  pkg: PricedPackage,
  currency: string,
  rules: PricingRules,
  rates: ExchangeRate[]
): PriceQuote {
  const cost = costIn(pkg, currency, rates)
  if (typeof cost === "string") {
    return unpriced(currency, cost)
  }
  const override = rules.overrides[pkg.package_code] ?? {}
  const fixedPrice = override.price?.[currency]
  if (fixedPrice !== undefined) {
    return { ...assessPrice(currency, round(fixedPrice, 2), cost, rules.marginFloorPercent), source: "override" }
  }
  const markup = override.markupPercent ?? rules.markupPercent
  const fixed = override.fixedAmount?.[currency] ?? rules.fixedAmount[currency] ?? 0
  const amount = roundPrice(cost * (1 + markup / 100) + fixed, rules.rounding)
  return { ...assessPrice(currency, amount, cost, rules.marginFloorPercent), source: "rules" }
}

/** Selling prices of a package in every store currency of the rules. */
export function quotePackage(pkg: PricedPackage, rules: PricingRules, rates: ExchangeRate[]): PriceQuote[] {
  return rules.currencies.map((currency) => quoteCurrency(pkg, currency, rules, rates))
}
