import { EsimflyOptionsError } from "./esimfly"

const MINUTE_MS = 60 * 1000
const DAY_MS = 24 * 60 * MINUTE_MS

/** A week: longer intervals overflow Node's timers (2³¹ − 1 ms). */
export const MAX_INTERVAL_MS = 7 * DAY_MS

/** `off`: 0 is also accepted and turns the job off. */
type JobVariable = { fallback: number; min: number; max: number; off?: true }

/** Every environment variable the plugin's jobs read (ms): its default and its range (docs/options.md, docs/purchases.md). */
export const JOB_VARIABLES = {
  /** Tick of the resolve-pending job (esimfly: poll every 15–30 s). */
  ESIMFLY_PENDING_JOB_INTERVAL_MS: { fallback: 15000, min: 1000, max: DAY_MS },
  ESIMFLY_CATCH_UP_INTERVAL_MS: { fallback: 5 * MINUTE_MS, min: 1000, max: DAY_MS },
  ESIMFLY_RECONCILE_INTERVAL_MS: { fallback: 5 * MINUTE_MS, min: 1000, max: DAY_MS },
  /** How long past an attempt (and the create-order timeout) the reconcile job waits. */
  ESIMFLY_RECONCILE_GRACE_MS: { fallback: 2 * MINUTE_MS, min: 0, max: DAY_MS },
  /** The balance job ticks often; each tick reads esimfly only when the mirror is stale. */
  ESIMFLY_BALANCE_JOB_TICK_MS: { fallback: MINUTE_MS, min: 1000, max: DAY_MS },
  /** esimfly: sync the catalogue every 6–12 h. */
  ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS: { fallback: 12 * 60 * MINUTE_MS, min: MINUTE_MS, max: MAX_INTERVAL_MS },
  ESIMFLY_COST_LOOKUP_INTERVAL_MS: { fallback: 10 * MINUTE_MS, min: MINUTE_MS, max: MAX_INTERVAL_MS },
  /** Tick of the job that retries webhook events whose eSIM was not stored yet; each event waits its own backoff. */
  ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS: { fallback: 30 * 1000, min: 1000, max: DAY_MS },
  /** The fallback walk of `GET /esims?status=ACTIVE` for eSIMs without real-time events (esimfly: nightly); 0 turns it off. */
  ESIMFLY_USAGE_SYNC_INTERVAL_MS: { fallback: DAY_MS, min: 60 * MINUTE_MS, max: MAX_INTERVAL_MS, off: true },
  /** How often the mirror is checked for eSIMs that expire within a day. */
  ESIMFLY_EXPIRY_ALERT_INTERVAL_MS: { fallback: 60 * MINUTE_MS, min: MINUTE_MS, max: DAY_MS },
  /** Tick of the job that settles top-ups whose answer was lost (from total_mb) and finishes interrupted ones. */
  ESIMFLY_TOP_UP_SETTLE_INTERVAL_MS: { fallback: 5 * MINUTE_MS, min: 1000, max: DAY_MS },
} satisfies Record<string, JobVariable>

export type JobVariableName = keyof typeof JOB_VARIABLES

/** The jobs' schedule and windows, read from the environment (ms). */
export type JobConfig = Record<JobVariableName, number>

/** Parses one variable, naming it when it is wrong; unset or blank gives its default. */
export function jobVariableMs(name: JobVariableName, raw: string | undefined): number {
  const variable: JobVariable = JOB_VARIABLES[name]
  const { fallback, min, max } = variable
  if (raw === undefined || raw.trim() === "") {
    return fallback
  }
  const value = Number(raw)
  if (variable.off && value === 0) {
    return 0
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const off = variable.off ? ", or 0 to turn it off" : ""
    throw new EsimflyOptionsError({
      message: `esimfly: ${name} must be an integer between ${min} and ${max} (ms)${off}`,
      option: name,
    })
  }
  return value
}

/** Reads and validates every job variable; the options loader calls it so a bad one stops start-up. */
export function readJobConfig(env: Record<string, string | undefined> = process.env): JobConfig {
  const names = Object.keys(JOB_VARIABLES) as JobVariableName[]
  return Object.fromEntries(names.map((name) => [name, jobVariableMs(name, env[name])])) as JobConfig
}

/** A job's `config`: its name and its tick, read from its variable when the job file loads. */
export function esimJobConfig(
  name: string,
  variable: JobVariableName
): { name: string; schedule: { interval: number } } {
  return { name, schedule: { interval: jobVariableMs(variable, process.env[variable]) } }
}
