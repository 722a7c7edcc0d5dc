import { ListPackagesParams, Package, PackagePage } from "../../lib/esimfly"
import { FailedPage } from "../../modules/esim/catalogue"
import { inScope } from "./scope"
import { CatalogueFilters, CataloguePackage, CatalogueWalk } from "./types"

/** Reads one page; the client retries GETs itself, so a throw means the page is lost for this run. */
export type PageReader = (params: ListPackagesParams) => Promise<PackagePage>

/** What one run read: the packages in scope (each once), the pages read and the pages that failed. */
export type CatalogueRead = {
  packages: CataloguePackage[]
  pages_read: number
  total_pages: number
  failed_pages: FailedPage[]
}

/** A client package as the sync keeps it (snake_case, only what the sync and its layout need). */
export function toCataloguePackage(pkg: Package): CataloguePackage {
  return {
    package_code: pkg.packageCode,
    name: pkg.name,
    type: pkg.type,
    region: pkg.region,
    location_name: pkg.locationNetworkList[0]?.locationName ?? null,
    countries: pkg.countries.map((country) => country.toUpperCase()),
    data_amount_gb: pkg.dataAmountGb,
    is_unlimited: pkg.isUnlimited === true,
    validity_days: pkg.validityDays,
    cost: pkg.cost,
    currency: pkg.currency,
  }
}

/** The largest page count one walk follows, so a wrong `totalPages` cannot loop for ever. */
const MAX_PAGES = 1000

type Sink = CatalogueRead & { seen: Set<string>; walkPages: number[] }

type ReadContext = {
  read: PageReader
  filters: CatalogueFilters
  pageSize: number
  onPage: (read: CatalogueRead) => void
  sink: Sink
}

function failure(walk: CatalogueWalk, page: number, error: unknown): FailedPage {
  const message = error instanceof Error ? error.message : String(error)
  return { page, type: walk.type ?? null, country: walk.country ?? null, message }
}

function collect(ctx: ReadContext, index: number, answer: PackagePage): void {
  const { sink } = ctx
  sink.walkPages[index] = Math.max(1, answer.pagination.totalPages)
  sink.total_pages = sink.walkPages.reduce((sum, pages) => sum + pages, 0)
  sink.pages_read++
  const fresh = answer.packages.map(toCataloguePackage).filter((pkg) => !sink.seen.has(pkg.package_code))
  fresh.forEach((pkg) => sink.seen.add(pkg.package_code))
  sink.packages.push(...fresh.filter((pkg) => inScope(pkg, ctx.filters)))
  ctx.onPage(sink)
}

async function readWalk(ctx: ReadContext, walk: CatalogueWalk, index: number): Promise<void> {
  for (let page = 1; page <= Math.min(ctx.sink.walkPages[index], MAX_PAGES); page++) {
    try {
      const answer = await ctx.read({ ...walk, page, limit: ctx.pageSize })
      collect(ctx, index, answer)
      if (answer.packages.length === 0) {
        return
      }
    } catch (error) {
      ctx.sink.failed_pages.push(failure(walk, page, error))
      if (page === 1) {
        // Without page 1 the page count is unknown: this walk ends here.
        return
      }
    }
  }
}

/**
 * Reads every page of every walk. A failed page is recorded and the next page is read, so
 * the packages that were read can still be created and updated; the caller decides what a
 * failed page forbids (deactivating packages that were merely not seen).
 */
export async function readCatalogue(
  read: PageReader,
  walks: CatalogueWalk[],
  filters: CatalogueFilters,
  pageSize: number,
  onPage: (read: CatalogueRead) => void = () => undefined
): Promise<CatalogueRead> {
  const sink: Sink = {
    packages: [],
    pages_read: 0,
    total_pages: 0,
    failed_pages: [],
    seen: new Set(),
    walkPages: walks.map(() => 1),
  }
  const ctx: ReadContext = { read, filters, pageSize, onPage, sink }
  for (const [index, walk] of walks.entries()) {
    await readWalk(ctx, walk, index)
  }
  const { packages, pages_read, total_pages, failed_pages } = sink
  return { packages, pages_read, total_pages, failed_pages }
}

/**
 * Whether vanished packages may be deactivated (esimfly: "abort the deactivation if any page
 * failed"). A read that found nothing in scope is not trusted either: an empty answer
 * deactivates nothing.
 */
export function deactivationVerdict(read: CatalogueRead): { allowed: boolean; reason: string | null } {
  if (read.failed_pages.length > 0) {
    const pages = read.failed_pages.map((failed) => failed.page).join(", ")
    return {
      allowed: false,
      reason: `page(s) ${pages} could not be read, so packages missing from this run may only be unseen`,
    }
  }
  if (read.packages.length === 0) {
    return { allowed: false, reason: "esimfly listed no package in scope; an empty catalogue deactivates nothing" }
  }
  return { allowed: true, reason: null }
}
