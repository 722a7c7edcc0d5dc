import { PackageType } from "./types"

/** One plan shape: data in GB (null = unlimited), validity, and price as % of the 1 GB / 7 day price. */
export interface PlanShape {
  gb: number | null
  days: number
  pricePct: number
  voice?: number
  sms?: number
}

/** A market sold as its own packages: local (one country), regional or global. */
export interface Market {
  type: PackageType
  prefix: string
  name: string
  flag: string | null
  /** The 1 GB / 7 day price in USD cents; other shapes scale from it. */
  baseCents: number
  countries: string
  plans: PlanShape[]
}

const LOCAL_PLANS: PlanShape[] = [
  { gb: 1, days: 7, pricePct: 100 },
  { gb: 3, days: 15, pricePct: 240 },
  { gb: 5, days: 30, pricePct: 360 },
  { gb: 10, days: 30, pricePct: 620 },
  { gb: null, days: 7, pricePct: 680 },
]

const REGIONAL_PLANS: PlanShape[] = [
  { gb: 1, days: 7, pricePct: 100 },
  { gb: 5, days: 30, pricePct: 330 },
  { gb: 10, days: 30, pricePct: 560 },
]

const GLOBAL_PLANS: PlanShape[] = [
  { gb: 1, days: 7, pricePct: 100 },
  { gb: 3, days: 30, pricePct: 250 },
  { gb: 10, days: 30, pricePct: 560, voice: 60, sms: 20 },
]

const EUROPE =
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE " +
  "GB NO CH IS LI TR UA RS AL ME MK BA"

function local(iso: string, name: string, baseCents: number): Market {
  const countries = iso
  return { type: "local", prefix: iso, name, flag: iso, baseCents, countries, plans: LOCAL_PLANS }
}

function regional(prefix: string, name: string, flag: string | null, baseCents: number, countries: string): Market {
  return { type: "regional", prefix, name, flag, baseCents, countries, plans: REGIONAL_PLANS }
}

export const MARKETS: Market[] = [
  local("TR", "Turkey", 272),
  local("US", "United States", 144),
  local("JP", "Japan", 199),
  local("FR", "France", 149),
  local("DE", "Germany", 149),
  local("GB", "United Kingdom", 159),
  local("IQ", "Iraq", 299),
  local("AE", "United Arab Emirates", 349),
  local("TH", "Thailand", 129),
  local("BR", "Brazil", 249),
  local("IT", "Italy", 149),
  local("ES", "Spain", 139),
  regional("EU", "Europe", "EU", 299, EUROPE),
  regional("ASIA", "Asia", null, 349, "JP KR CN HK MO TW SG MY TH VN ID PH IN LK KH"),
  regional("ME", "Middle East", null, 449, "AE SA QA KW BH OM JO IQ IL EG TR"),
  regional("LATAM", "Latin America", null, 499, "BR AR CL CO PE MX UY EC CR PA GT BO PY"),
  regional("AF", "Africa", null, 599, "ZA EG MA TN KE NG GH TZ UG SN"),
  regional("NA", "North America", null, 329, "US CA MX"),
  {
    type: "global",
    prefix: "GLOBAL",
    name: "Global",
    flag: null,
    baseCents: 699,
    countries: "*",
    plans: GLOBAL_PLANS,
  },
]

/** Hand-written packages: the codes the esimfly docs use, and two that provision slowly. */
export interface SpecialPackage {
  code: string
  name: string
  market: string
  gb: number
  days: number
  usdCents: number
  pendingFirst: boolean
}

function special(
  code: string,
  name: string,
  market: string,
  [gb, days, usdCents]: [number, number, number],
  pendingFirst = false
): SpecialPackage {
  return { code, name, market, gb, days, usdCents, pendingFirst }
}

export const SPECIAL_PACKAGES: SpecialPackage[] = [
  special("TR1GB7D", "Turkey 1 GB 7 Days", "TR", [1, 7, 272]),
  special("merhaba-7days-1gb", "Turkey 1 GB 7 Days", "TR", [1, 7, 272]),
  special("merhaba-15days-2gb", "Turkey 2 GB 15 Days", "TR", [2, 15, 499]),
  special("europe-5gb-30days", "Europe 5 GB 30 Days", "EU", [5, 30, 1099]),
  special("TR-1GB-7D-SLOW", "Turkey 1GB 7Days (slow provider)", "TR", [1, 7, 289], true),
  special("EU-3GB-30D-SLOW", "Europe 3GB 30Days (slow provider)", "EU", [3, 30, 749], true),
]
