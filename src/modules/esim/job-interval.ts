import { EsimflyOptionsError } from "../../lib/esimfly"

/** A week: longer intervals overflow Node's timers (2³¹ − 1 ms). */
export const MAX_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000

/** Parses a job's tick from its environment variable once, at load, naming it when it is wrong. */
export function jobIntervalMs(name: string, raw: string | undefined, fallbackMs: number, range: [number, number] = [1000, 86400000]): number {
  if (raw === undefined || raw.trim() === "") {
    return fallbackMs
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw new EsimflyOptionsError({ message: `esimfly: ${name} must be an integer between ${range[0]} and ${range[1]} (ms)`, option: name })
  }
  return value
}
