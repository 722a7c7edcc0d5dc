import { EsimflyOptionsError } from "../../lib/esimfly"

/** The catalogue job's tick when ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS is unset (esimfly: sync every 6–12 h). */
export const DEFAULT_CATALOGUE_SYNC_INTERVAL_MS = 12 * 60 * 60 * 1000

/** A week: longer intervals overflow Node's timers (2³¹ − 1 ms). */
const MAX_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000

/** Parses a job's interval variable once, at load (a job's schedule is fixed when its file loads), naming it when it is wrong. */
export function jobIntervalMs(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 60000 || value > MAX_INTERVAL_MS) {
    const message = `esimfly: ${variable} must be an integer between 60000 and ${MAX_INTERVAL_MS} (ms)`
    throw new EsimflyOptionsError({ message, option: variable })
  }
  return value
}

/** Parses ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS once, at load, naming it when it is wrong. */
export function catalogueSyncIntervalMs(raw: string | undefined): number {
  return jobIntervalMs("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS", raw, DEFAULT_CATALOGUE_SYNC_INTERVAL_MS)
}
