/** Anything that reads response headers by name (a fetch `Headers` does). */
export type HeaderReader = { get(name: string): string | null }

/** Backoff settings, taken from the options. */
export type RetryPolicy = {
  maxRetries: number
  retryBaseMs: number
  retryMaxMs: number
}

/** How one attempt failed. */
export type AttemptFailure = { kind: "timeout" } | { kind: "network" } | { kind: "status"; status: number }

/** What to do after a failed attempt. */
export type RetryPlan =
  { retry: true; delayMs: number } | { retry: false; reason: "not_retryable" | "exhausted" | "wait_too_long" }

const EPOCH_MS_THRESHOLD = 1e12
const EPOCH_SECONDS_THRESHOLD = 1e9

/**
 * Only GETs are retried, and only on failures a repeat can fix: network errors, timeouts,
 * 429 and 5xx. A purchase is never re-sent blindly (STYLE.md habit 6).
 */
export function isRetryableFailure(method: string, failure: AttemptFailure): boolean {
  if (method !== "GET") {
    return false
  }
  return failure.kind !== "status" || failure.status === 429 || failure.status >= 500
}

/** True while attempts remain and the failure is one a repeat can fix. */
export function shouldRetry(method: string, failure: AttemptFailure, attempt: number, maxRetries: number): boolean {
  return attempt < maxRetries && isRetryableFailure(method, failure)
}

/** Capped exponential backoff with full jitter: `min(max, base * 2^attempt) * random()`. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** attempt)
  return Math.floor(ceiling * random())
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into a wait in ms. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  const text = value?.trim()
  if (!text) {
    return null
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.ceil(Number(text) * 1000)
  }
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs)
}

/**
 * Parses `X-RateLimit-Reset` into an epoch in ms. Servers send epoch seconds, epoch ms or
 * seconds-from-now; the magnitude tells them apart.
 */
export function parseRateLimitReset(value: string | null | undefined, nowMs: number): number | null {
  const text = value?.trim()
  if (!text || !/^\d+(\.\d+)?$/.test(text)) {
    return null
  }
  const number = Number(text)
  if (number >= EPOCH_MS_THRESHOLD) {
    return Math.round(number)
  }
  if (number >= EPOCH_SECONDS_THRESHOLD) {
    return Math.round(number * 1000)
  }
  return nowMs + Math.round(number * 1000)
}

/**
 * How long the server asked us to wait. `Retry-After` wins; on a 429, `X-RateLimit-Reset`
 * is the fallback. The reset is ignored on other statuses: it describes the quota window,
 * not an outage.
 */
export function serverWaitMs(status: number, headers: HeaderReader, nowMs: number): number | null {
  const retryAfter = parseRetryAfter(headers.get("retry-after"), nowMs)
  if (retryAfter !== null || status !== 429) {
    return retryAfter
  }
  const reset = parseRateLimitReset(headers.get("x-ratelimit-reset"), nowMs)
  return reset === null ? null : Math.max(0, reset - nowMs)
}

/** Everything `planRetry` weighs. */
export type RetryInput = {
  method: string
  failure: AttemptFailure
  /** 0 for the first attempt. */
  attempt: number
  policy: RetryPolicy
  random: () => number
  serverWaitMs: number | null
}

/** Decides whether and how long to wait; a server wait longer than `retryMaxMs` means give up. */
export function planRetry(input: RetryInput): RetryPlan {
  const { method, failure, attempt, policy } = input
  if (!isRetryableFailure(method, failure)) {
    return { retry: false, reason: "not_retryable" }
  }
  if (attempt >= policy.maxRetries) {
    return { retry: false, reason: "exhausted" }
  }
  const wait = input.serverWaitMs ?? 0
  if (wait > policy.retryMaxMs) {
    return { retry: false, reason: "wait_too_long" }
  }
  const backoff = backoffMs(attempt, policy, input.random)
  return { retry: true, delayMs: Math.max(wait, backoff) }
}
