import { jobIntervalMs, MAX_INTERVAL_MS } from "../../modules/esim/job-interval"

/** The catalogue job's tick when ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS is unset (esimfly: sync every 6–12 h). */
export const DEFAULT_CATALOGUE_SYNC_INTERVAL_MS = 12 * 60 * 60 * 1000

/** Parses ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS once, at load, naming it when it is wrong. */
export function catalogueSyncIntervalMs(raw: string | undefined): number {
  return jobIntervalMs("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS", raw, DEFAULT_CATALOGUE_SYNC_INTERVAL_MS, [60000, MAX_INTERVAL_MS])
}
