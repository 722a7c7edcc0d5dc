/** A page that could not be read, after the client's retries. */
export type FailedPage = { page: number; type: string | null; country: string | null; message: string }

/** A variant whose margin is under `pricing.marginFloorPercent`. */
export type BelowFloorEntry = {
  package_code: string
  variant_id: string | null
  product_handle: string
  currency_code: string
  amount: number
  cost: number | null
  margin_percent: number | null
  /** True when the price is the merchant's (`esimfly_price_override`), so the sync did not change it. */
  price_override: boolean
}

/** Unpriced packages grouped by currency and reason (a missing rate leaves every package unpriced). */
export type UnpricedSummary = { currency_code: string; problem: string; packages: number; package_codes: string[] }

/** What one sync run did. Counters count writes: a run that changes nothing reports zeros. */
export type CatalogueSyncResult = {
  pages_read: number
  packages_read: number
  products_created: number
  products_updated: number
  variants_created: number
  variants_updated: number
  variants_deactivated: number
  below_floor: BelowFloorEntry[]
  deactivation_aborted: boolean
  deactivation_aborted_reason: string | null
  failed_pages: FailedPage[]
  unpriced: UnpricedSummary[]
  /** Destinations skipped because a product the sync did not create already has their handle. */
  conflicts: { handle: string; reason: string }[]
}

/** How far the running sync got. */
export type CatalogueSyncProgress = {
  pages_read: number
  /** Pages known so far (each walk's page count is known after its first page). */
  total_pages: number | null
  packages_read: number
  products_created: number
  products_updated: number
  variants_deactivated: number
}

/** The last (or current) run, as `GET /admin/esimfly/catalogue/sync` shows it. */
export type CatalogueSyncStatus = {
  state: "idle" | "running" | "succeeded" | "failed"
  started_at: string | null
  finished_at: string | null
  progress: CatalogueSyncProgress
  result: CatalogueSyncResult | null
  error: string | null
}

const NO_PROGRESS: CatalogueSyncProgress = {
  pages_read: 0,
  total_pages: null,
  packages_read: 0,
  products_created: 0,
  products_updated: 0,
  variants_deactivated: 0,
}

/**
 * The catalogue sync's state, kept in memory by the module service: one per process, lost
 * on restart (the products themselves are the durable record).
 */
export class CatalogueSyncTracker {
  private status: CatalogueSyncStatus = {
    state: "idle",
    started_at: null,
    finished_at: null,
    progress: { ...NO_PROGRESS },
    result: null,
    error: null,
  }

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Starts a run; false when one is already running in this process. */
  begin(): boolean {
    if (this.status.state === "running") {
      return false
    }
    const started_at = this.now().toISOString()
    this.status = {
      state: "running",
      started_at,
      finished_at: null,
      progress: { ...NO_PROGRESS },
      result: null,
      error: null,
    }
    return true
  }

  progress(patch: Partial<CatalogueSyncProgress>): void {
    this.status = { ...this.status, progress: { ...this.status.progress, ...patch } }
  }

  finish(result: CatalogueSyncResult): void {
    const { pages_read, packages_read, products_created, products_updated, variants_deactivated } = result
    const progress = {
      ...this.status.progress,
      pages_read,
      packages_read,
      products_created,
      products_updated,
      variants_deactivated,
    }
    this.status = { ...this.status, state: "succeeded", finished_at: this.now().toISOString(), progress, result }
  }

  /** Ends the running sync as failed (its writes were rolled back). */
  fail(message: string): void {
    if (this.status.state === "running") {
      this.status = { ...this.status, state: "failed", finished_at: this.now().toISOString(), error: message }
    }
  }

  /** Replaces the generic message of a failed run with the error that ended it; a running sync is left alone. */
  explainFailure(message: string): void {
    if (this.status.state === "failed") {
      this.status = { ...this.status, error: message }
    }
  }

  isRunning(): boolean {
    return this.status.state === "running"
  }

  snapshot(): CatalogueSyncStatus {
    return { ...this.status, progress: { ...this.status.progress } }
  }
}
