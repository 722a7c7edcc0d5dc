import { COUNTRIES, countryOf } from "./countries"
import { MARKETS, Market, PlanShape, SPECIAL_PACKAGES, SpecialPackage } from "./catalogue-table"
import { PackageType } from "./types"

/** One sellable package, priced in USD cents (converted per account on the way out). */
export interface CataloguePackage {
  code: string
  name: string
  type: PackageType
  region: string
  flag: string | null
  countries: string[]
  /** null means unlimited. */
  dataGb: number | null
  validityDays: number
  usdCents: number
  voiceMinutes: number
  smsCount: number
  rechargeable: boolean
  /** Answers pending_details at creation and completes after a few status polls. */
  pendingFirst: boolean
}

const TYPE_RANK: Record<PackageType, number> = { local: 0, regional: 1, global: 2 }

/** Local plans first (by GB, unlimited last), then regional, then global, as the real list. */
export function buildCatalogue(): CataloguePackage[] {
  const generated = MARKETS.flatMap((market) => market.plans.map((plan) => fromPlan(market, plan)))
  const special = SPECIAL_PACKAGES.map(fromSpecial)
  return [...generated, ...special].sort(comparePackages)
}

function fromPlan(market: Market, plan: PlanShape): CataloguePackage {
  const size = plan.gb === null ? "UNL" : `${plan.gb}GB`
  const label = plan.gb === null ? "Unlimited" : `${plan.gb}GB`
  return {
    code: `${market.prefix}-${size}-${plan.days}D`,
    name: `${market.name} ${label} ${plan.days}Days`,
    type: market.type,
    region: market.name,
    flag: market.flag,
    countries: countriesOf(market.countries),
    dataGb: plan.gb,
    validityDays: plan.days,
    usdCents: Math.round((market.baseCents * plan.pricePct) / 100),
    voiceMinutes: plan.voice ?? 0,
    smsCount: plan.sms ?? 0,
    rechargeable: plan.gb !== null,
    pendingFirst: false,
  }
}

function fromSpecial(special: SpecialPackage): CataloguePackage {
  const market = MARKETS.find((candidate) => candidate.prefix === special.market)
  if (!market) {
    throw new Error(`esimfly sandbox: package ${special.code} names an unknown market`)
  }
  return {
    ...fromPlan(market, { gb: special.gb, days: special.days, pricePct: 100 }),
    code: special.code,
    name: special.name,
    usdCents: special.usdCents,
    pendingFirst: special.pendingFirst,
  }
}

function countriesOf(list: string): string[] {
  if (list === "*") {
    return [...COUNTRIES.keys()]
  }
  return list.split(" ").map((iso) => countryOf(iso).iso)
}

function comparePackages(a: CataloguePackage, b: CataloguePackage): number {
  return (
    TYPE_RANK[a.type] - TYPE_RANK[b.type] ||
    (a.dataGb ?? Infinity) - (b.dataGb ?? Infinity) ||
    a.validityDays - b.validityDays ||
    a.name.localeCompare(b.name) ||
    a.code.localeCompare(b.code)
  )
}
