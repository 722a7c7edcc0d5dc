import { PackagePage } from "../../lib/esimfly"

type Cost = { cost: number; currency: string }

const TTL_MS = 10 * 60 * 1000

/** Package costs for the checkout guard, refreshed at most every 10 minutes per package. */
export class PackageCostCache {
  private readonly entries = new Map<string, Cost & { at: number }>()

  async get(code: string, search: (term: string) => Promise<PackagePage>): Promise<Cost | null> {
    const hit = this.entries.get(code)
    if (hit && Date.now() - hit.at < TTL_MS) {
      return { cost: hit.cost, currency: hit.currency }
    }
    const page = await search(code)
    const at = Date.now()
    for (const pkg of page.packages) {
      if (pkg.cost !== null && pkg.currency) {
        this.entries.set(pkg.packageCode, { cost: pkg.cost, currency: pkg.currency, at })
      }
    }
    const found = this.entries.get(code)
    return found && found.at === at ? { cost: found.cost, currency: found.currency } : null
  }
}
