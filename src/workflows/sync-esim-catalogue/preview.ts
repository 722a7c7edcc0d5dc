import { ExchangeRate, PriceQuote, PricingRules, quotePackage } from "../../modules/esim/money"
import { destinationOf, planLabelOf } from "./layout"
import { PageReader, toCataloguePackage } from "./read"
import { catalogueWalks, inScope } from "./scope"
import { CatalogueFilters, PricingContext } from "./types"

/** One package of the preview: what it costs and what the rules would sell it for. */
export type PricingPreviewRow = {
  package_code: string
  name: string | null
  destination: string
  plan: string
  cost: number | null
  currency: string | null
  prices: PriceQuote[]
}

/** The rules in snake_case, as the admin API answers. */
export function toPricingRulesView(rules: PricingRules) {
  return {
    currencies: rules.currencies,
    markup_percent: rules.markupPercent,
    fixed_amount: rules.fixedAmount,
    rounding: rules.rounding,
    margin_floor_percent: rules.marginFloorPercent,
    overridden_packages: Object.keys(rules.overrides).length,
  }
}

/** The rules in snake_case, as the admin API answers. */
export type PricingRulesView = ReturnType<typeof toPricingRulesView>

/** What `GET /admin/esimfly/pricing-preview` answers as `pricing_preview`. */
export type PricingPreview = { rules: PricingRulesView; exchange_rates: ExchangeRate[]; packages: PricingPreviewRow[] }

/** The pricing rules applied to the first `limit` packages of the first catalogue page the sync would read. */
export async function pricingPreview(
  read: PageReader,
  filters: CatalogueFilters,
  pricing: PricingContext,
  limit: number
): Promise<PricingPreview> {
  const [walk] = catalogueWalks(filters)
  const page = await read({ ...walk, page: 1, limit: 100 })
  const packages = page.packages
    .map(toCataloguePackage)
    .filter((pkg) => inScope(pkg, filters))
    .slice(0, limit)
  const rows: PricingPreviewRow[] = packages.map((pkg) => ({
    package_code: pkg.package_code,
    name: pkg.name,
    destination: destinationOf(pkg).name,
    plan: planLabelOf(pkg),
    cost: pkg.cost,
    currency: pkg.currency,
    prices: quotePackage(pkg, pricing.rules, pricing.rates),
  }))
  return { rules: toPricingRulesView(pricing.rules), exchange_rates: pricing.rates, packages: rows }
}
