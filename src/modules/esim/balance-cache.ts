import { Balance } from "../../lib/esimfly"

export type CachedBalance = Balance & { as_of: Date }

/** Keeps the last balance for a short while, so dashboard refreshes do not spend API quota. */
export class BalanceCache {
  private entry: CachedBalance | null = null
  private inFlight: Promise<CachedBalance> | null = null

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  clear(): void {
    this.entry = null
  }

  async get(load: () => Promise<Balance>): Promise<CachedBalance> {
    if (this.entry && this.now() - this.entry.as_of.getTime() < this.ttlMs) {
      return this.entry
    }
    // Concurrent refreshes share one request.
    this.inFlight ??= load()
      .then((balance) => (this.entry = { ...balance, as_of: new Date(this.now()) }))
      .finally(() => (this.inFlight = null))
    return this.inFlight
  }
}
