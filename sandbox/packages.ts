import { CataloguePackage } from "./catalogue"
import { countryOf, Operator } from "./countries"
import { RouteContext } from "./core"
import { priceInCurrency, toMajor } from "./money"
import { InvalidParameterError, pageOf, readEnum, readInt, readText } from "./query"
import { success } from "./replies"
import { ApiReply, Currency, PackageType } from "./types"

const TYPES: readonly PackageType[] = ["local", "regional", "global"]

/** One package as GET /esims/packages lists it (packages.md). */
export interface PackageWire {
  package_code: string
  name: string
  region: string
  type: PackageType
  data_amount_gb: number
  validity_days: number
  cost: number
  currency: Currency
  features: { voice_minutes: number; sms_count: number; is_rechargeable: boolean }
  is_unlimited: boolean
  has_voice: boolean
  has_sms: boolean
  locationNetworkList: Array<{ locationName: string; locationLogo: string; operatorList: Operator[] }>
  countries: string[]
}

interface PackageQuery {
  search: string
  type: PackageType | null
  country: string | null
  page: number
  limit: number
}

/** GET /esims/packages?search&type&country&page&limit — priced in the account currency. */
export function listPackages(ctx: RouteContext): ApiReply {
  let query: PackageQuery
  try {
    query = readPackageQuery(ctx.query)
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.toReply()
    throw error
  }
  const matching = ctx.core.catalogue.filter((pkg) => matches(pkg, query))
  const { currency } = ctx.core.options
  return success({
    data: {
      packages: pageOf(matching, query.page, query.limit).map((pkg) => packageWire(pkg, currency)),
      // The real service spells this one totalPages (GET /orders says total_pages).
      pagination: {
        page: query.page,
        limit: query.limit,
        total: matching.length,
        totalPages: Math.ceil(matching.length / query.limit),
      },
    },
  })
}

function readPackageQuery(query: URLSearchParams): PackageQuery {
  const country = query.get("country")
  if (country !== null && country !== "" && !/^[A-Za-z]{2}$/.test(country)) {
    throw new InvalidParameterError("country", "must be an ISO 3166-1 alpha-2 code")
  }
  return {
    search: readText(query, "search"),
    type: readEnum(query, "type", TYPES, null),
    country: country ? country.toUpperCase() : null,
    page: readInt(query, "page", 1, Number.MAX_SAFE_INTEGER),
    // Default 50, max 100 (packages.md).
    limit: readInt(query, "limit", 50, 100),
  }
}

function matches(pkg: CataloguePackage, query: PackageQuery): boolean {
  if (query.type !== null && pkg.type !== query.type) return false
  if (query.country !== null && !pkg.countries.includes(query.country)) return false
  if (query.search === "") return true
  return [pkg.name, pkg.code, pkg.region].some((field) => field.toLowerCase().includes(query.search))
}

/** The documented package fields; unlimited plans report data_amount_gb 0 with is_unlimited. */
export function packageWire(pkg: CataloguePackage, currency: Currency): PackageWire {
  return {
    package_code: pkg.code,
    name: pkg.name,
    region: pkg.region,
    type: pkg.type,
    data_amount_gb: pkg.dataGb ?? 0,
    validity_days: pkg.validityDays,
    cost: toMajor(priceInCurrency(pkg.usdCents, currency), currency),
    currency,
    features: {
      voice_minutes: pkg.voiceMinutes,
      sms_count: pkg.smsCount,
      is_rechargeable: pkg.rechargeable,
    },
    is_unlimited: pkg.dataGb === null,
    has_voice: pkg.voiceMinutes > 0,
    has_sms: pkg.smsCount > 0,
    locationNetworkList: pkg.countries.map((iso) => ({
      locationName: countryOf(iso).name,
      locationLogo: `/images/flags/${iso.toLowerCase()}.png`,
      operatorList: countryOf(iso).operators.map((operator) => ({ ...operator })),
    })),
    countries: [...pkg.countries],
  }
}
