import { HeaderReader, parseRateLimitReset } from "./retry-policy"

/** The last rate-limit window esimfly reported. */
export type RateLimitState = {
  limit: number
  remaining: number
  resetAt: Date
}

function readCount(headers: HeaderReader, name: string): number | null {
  const text = headers.get(name)?.trim()
  return text && /^\d+$/.test(text) ? Number(text) : null
}

/**
 * Reads `X-RateLimit-Limit/Remaining/Reset` (docs: orders.md, "Rate Limiting");
 * null when any of the three is missing or unreadable.
 */
export function readRateLimit(headers: HeaderReader, nowMs: number): RateLimitState | null {
  const limit = readCount(headers, "x-ratelimit-limit")
  const remaining = readCount(headers, "x-ratelimit-remaining")
  const resetMs = parseRateLimitReset(headers.get("x-ratelimit-reset"), nowMs)
  if (limit === null || remaining === null || resetMs === null) {
    return null
  }
  return { limit, remaining, resetAt: new Date(resetMs) }
}
