import { CatalogueFilters, CatalogueWalk } from "./types"

type PackageType = NonNullable<CatalogueWalk["type"]>

/** What a scope check needs: from a read package, or from the metadata of a synced variant. */
export type ScopeSubject = { package_code: string; type: string | null; region: string | null; countries: string[] }

const PACKAGE_TYPES: readonly string[] = ["local", "regional", "global"]

function present<T>(list: T[] | undefined): list is T[] {
  return Array.isArray(list) && list.length > 0
}

/**
 * The API walks one sync makes. `GET /esims/packages` filters by one type and one country,
 * so several types or countries mean one walk each; regions and codes are filtered locally.
 */
export function catalogueWalks(filters: CatalogueFilters): CatalogueWalk[] {
  const types = present(filters.types) ? filters.types.filter((type) => PACKAGE_TYPES.includes(type)) : [undefined]
  const countries = present(filters.countries) ? filters.countries : [undefined]
  return types.flatMap((type) =>
    countries.map((country) => ({
      ...(type ? { type: type as PackageType } : {}),
      ...(country ? { country } : {}),
    }))
  )
}

/** Whether a package (or a synced variant) belongs to what this run sells. */
export function inScope(subject: ScopeSubject, filters: CatalogueFilters): boolean {
  const lower = (value: string | null) => (value ?? "").toLowerCase()
  if (present(filters.types) && !filters.types.includes(lower(subject.type))) {
    return false
  }
  if (present(filters.regions) && !filters.regions.some((region) => lower(region) === lower(subject.region))) {
    return false
  }
  if (
    present(filters.countries) &&
    !filters.countries.some((country) => subject.countries.includes(country.toUpperCase()))
  ) {
    return false
  }
  return !present(filters.package_codes) || filters.package_codes.includes(subject.package_code)
}

/** The scope facts the sync keeps on a variant's metadata, read back. */
export function scopeOfMetadata(metadata: Record<string, unknown>): ScopeSubject | null {
  const code = metadata.esimfly_package_code
  if (typeof code !== "string") {
    return null
  }
  const text = (value: unknown) => (typeof value === "string" ? value : null)
  const countries = Array.isArray(metadata.esimfly_countries)
    ? metadata.esimfly_countries.filter((c): c is string => typeof c === "string")
    : []
  return { package_code: code, type: text(metadata.esimfly_type), region: text(metadata.esimfly_region), countries }
}

/** Option `catalogue` (camelCase, as merchants write options) as run filters. */
export function filtersFromOption(option: {
  types?: string[]
  regions?: string[]
  countries?: string[]
  packageCodes?: string[]
}): CatalogueFilters {
  const { types, regions, countries, packageCodes } = option
  return { types, regions, countries, package_codes: packageCodes }
}
