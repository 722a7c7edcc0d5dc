import { parseChaos } from "./chaos"
import { ResolvedOptions, SandboxOptions } from "./types"

const HOUR_MS = 60 * 60 * 1000

export const DEFAULT_ACCESS_CODE = "esf_sandbox_access"
export const DEFAULT_SECRET_KEY = "sk_sandbox_secret"
export const DEFAULT_PERSONAL_ACCESS_CODE = "esf_sandbox_personal"

/** Fills in defaults and rejects nonsense early, naming the option. */
export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const currency = options.currency ?? "USD"
  const resolved: ResolvedOptions = {
    accessCode: options.accessCode ?? DEFAULT_ACCESS_CODE,
    secretKey: options.secretKey ?? DEFAULT_SECRET_KEY,
    personalAccessCode: options.personalAccessCode ?? DEFAULT_PERSONAL_ACCESS_CODE,
    currency,
    balance: options.balance ?? (currency === "USD" ? 1000 : 1_500_000),
    pendingPolls: options.pendingPolls ?? 2,
    pendingSeconds: options.pendingSeconds ?? null,
    pendingShape: options.pendingShape ?? "placeholders",
    latencyMs: options.latencyMs ?? 0,
    rateLimit: options.rateLimit ?? { limit: 1000, windowMs: HOUR_MS },
    chaos: chaosOption(options.chaos),
    now: options.now ?? Date.now,
    smdpAddress: options.smdpAddress ?? "rsp.sandbox.esimfly.local",
    webhookTimeFactor: options.webhookTimeFactor ?? 1,
    allowHttpWebhooks: options.allowHttpWebhooks ?? false,
  }
  validateOptions(resolved)
  return resolved
}

function validateOptions(o: ResolvedOptions): void {
  if (o.currency !== "USD" && o.currency !== "IQD") {
    fail("currency", 'must be "USD" or "IQD"')
  }
  if (o.pendingShape !== "placeholders" && o.pendingShape !== "empty") {
    fail("pendingShape", 'must be "placeholders" or "empty"')
  }
  if (!o.accessCode || !o.secretKey || !o.personalAccessCode) {
    fail("accessCode", "and secretKey and personalAccessCode must be non-empty")
  }
  if (o.accessCode === o.personalAccessCode) {
    fail("personalAccessCode", "must differ from accessCode")
  }
  if (!Number.isFinite(o.balance) || o.balance < 0) fail("balance", "must be a number ≥ 0")
  if (!isCount(o.pendingPolls)) fail("pendingPolls", "must be an integer ≥ 0")
  if (o.pendingSeconds !== null && !(o.pendingSeconds >= 0)) {
    fail("pendingSeconds", "must be a number ≥ 0 or null")
  }
  if (!(o.latencyMs >= 0)) fail("latencyMs", "must be a number ≥ 0")
  assertRateLimit(o.rateLimit, "rateLimit")
  if (!(o.webhookTimeFactor > 0)) fail("webhookTimeFactor", "must be a number > 0")
}

function chaosOption(value: SandboxOptions["chaos"]): ResolvedOptions["chaos"] {
  return value === undefined || value === null ? null : parseChaos(value, fail)
}

/** Shared with the fault API, which accepts the same shape. */
export function assertRateLimit(value: unknown, name: string): void {
  const limit = value as { limit?: unknown; windowMs?: unknown } | null
  const ok =
    typeof limit === "object" &&
    limit !== null &&
    isCount(limit.limit) &&
    typeof limit.windowMs === "number" &&
    limit.windowMs > 0
  if (!ok) fail(name, "must be { limit: integer ≥ 0, windowMs: number > 0 }")
}

export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0
}

function fail(option: string, rule: string): never {
  throw new Error(`esimfly sandbox: option "${option}" ${rule}`)
}
