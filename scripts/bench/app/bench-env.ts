// What the benchmark's in-app scripts share: the product they sell, their input from the
// runner (BENCH_INPUT, JSON) and their result file (BENCH_RESULT_FILE; stdout is Medusa's log).
import { writeFileSync } from "node:fs"

/** The one eSIM the benchmark sells: a sandbox package, priced well above the margin floor. */
export const BENCH_PACKAGE = { code: "TR-1GB-7D", title: "Bench eSIM", handle: "bench-esim", price: 4.99 }

/** What the seed reports to the runner. */
export type BenchStore = {
  publishable_key: string
  unit_price: number
  region_id: string
  sales_channel_id: string
  shipping_option_id: string
  variant_id: string
  provider_id: string
}

function env(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`bench: ${name} is not set (run the benchmark with npm run bench)`)
  }
  return value
}

/** The store and sizes the runner passes (scripts/bench/config.mjs holds the defaults). */
export function benchInput<T>(): { store: BenchStore } & T {
  return JSON.parse(env("BENCH_INPUT"))
}

export function writeResult(result: unknown): void {
  writeFileSync(env("BENCH_RESULT_FILE"), JSON.stringify(result))
}
