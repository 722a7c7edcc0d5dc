import type { Package } from "../../../lib/esimfly"
import { ExchangeRate, PricingRules, quoteCurrency } from "../money"

/** esimfly gives top-up volumes in GB; the plugin stores MB, as the usage query reports them. */
export const MB_PER_GB = 1024

/** What the offer list keeps of one esimfly top-up package (cached per ICCID). */
export type TopUpPackage = Pick<
  Package,
  "packageCode" | "name" | "dataAmountGb" | "validityDays" | "cost" | "currency" | "isUnlimited"
>

/** One top-up a shopper may buy for an eSIM, at the store's price in one currency. */
export type TopUpOffer = {
  package_code: string
  package_name: string | null
  data_mb: number | null
  validity_days: number | null
  is_unlimited: boolean
  /** Major units of `currency_code`, from the plugin's pricing rules (option `pricing`). */
  price: number
  currency_code: string
}

export const toTopUpPackage = (pkg: Package): TopUpPackage => ({
  packageCode: pkg.packageCode,
  name: pkg.name,
  dataAmountGb: pkg.dataAmountGb,
  validityDays: pkg.validityDays,
  cost: pkg.cost,
  currency: pkg.currency,
  isUnlimited: pkg.isUnlimited,
})

export const dataMbOf = (gb: number | null): number | null => (gb === null ? null : Math.round(gb * MB_PER_GB))

/**
 * Prices esimfly's top-up packages with the catalogue's rules (money/pricing: cost × markup +
 * fixed, rounded up, or an override) in one currency; a package that cannot be priced there
 * (no cost, no exchange rate) is not offered.
 */
export function toTopUpOffers(
  packages: TopUpPackage[],
  currency: string,
  rules: PricingRules,
  rates: ExchangeRate[]
): TopUpOffer[] {
  const currencyCode = currency.toLowerCase()
  return packages.flatMap((pkg) => {
    const quote = quoteCurrency(
      { package_code: pkg.packageCode, cost: pkg.cost, currency: pkg.currency },
      currencyCode,
      rules,
      rates
    )
    if (quote.amount === null || quote.amount <= 0) {
      return []
    }
    return [
      {
        package_code: pkg.packageCode,
        package_name: pkg.name,
        data_mb: dataMbOf(pkg.dataAmountGb),
        validity_days: pkg.validityDays,
        is_unlimited: pkg.isUnlimited === true,
        price: quote.amount,
        currency_code: currencyCode,
      },
    ]
  })
}
