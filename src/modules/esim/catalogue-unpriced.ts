import { UnpricedEntry, UnpricedSummary } from "./catalogue-types"

/** How many codes a summary names; the count covers the rest. */
const SAMPLE_CODES = 20

/** Groups unpriced packages by currency and reason, so a missing rate is one line, not 7,000. */
export function summariseUnpriced(entries: UnpricedEntry[]): UnpricedSummary[] {
  const groups = new Map<string, UnpricedSummary>()
  for (const entry of entries) {
    const key = `${entry.currency_code}\u0000${entry.problem}`
    const group = groups.get(key) ?? { currency_code: entry.currency_code, problem: entry.problem, packages: 0, package_codes: [] }
    group.packages++
    if (group.package_codes.length < SAMPLE_CODES) {
      group.package_codes.push(entry.package_code)
    }
    groups.set(key, group)
  }
  return [...groups.values()]
}
