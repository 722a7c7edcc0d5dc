import { RateLimitConfig } from "./types"

export interface RateLimitState {
  limit: number
  remaining: number
  /** When the current window ends, in ms since epoch. */
  resetAt: number
}

export interface RateLimitVerdict {
  allowed: boolean
  state: RateLimitState
  retryAfterSeconds: number
}

/** One call the limiter weighed: when it arrived, whether it was let through, in which window. */
export interface RateLimitCall {
  at: number
  allowed: boolean
  /** 1 for the first window since the limit was (re)configured. */
  window: number
}

/** What the limiter weighed since it was last configured, for the ledger. */
export interface RateLimitLog extends RateLimitConfig {
  calls: RateLimitCall[]
}

/** A fixed window per API key ("1000 requests per hour per API key"). */
export class SandboxRateLimiter {
  private config: RateLimitConfig
  private windowStart: number | null = null
  private count = 0
  private windows = 0
  private calls: RateLimitCall[] = []

  constructor(
    private readonly initial: RateLimitConfig,
    private readonly now: () => number
  ) {
    this.config = { ...initial }
  }

  /** null restores the limit the sandbox was created with. Counting starts over. */
  configure(config: RateLimitConfig | null): void {
    this.config = { ...(config ?? this.initial) }
    this.windowStart = null
    this.count = 0
    this.windows = 0
    this.calls = []
  }

  /** Every call weighed since the last configure(), with its arrival time and window. */
  log(): RateLimitLog {
    return { ...this.config, calls: this.calls.map((call) => ({ ...call })) }
  }

  current(): RateLimitConfig {
    return { ...this.config }
  }

  peek(): RateLimitState {
    this.roll()
    const start = this.windowStart ?? this.now()
    return {
      limit: this.config.limit,
      remaining: Math.max(0, this.config.limit - this.count),
      resetAt: start + this.config.windowMs,
    }
  }

  consume(): RateLimitVerdict {
    this.roll()
    if (this.windowStart === null) {
      this.windowStart = this.now()
      this.windows++
    }
    const allowed = this.count < this.config.limit
    if (allowed) this.count++
    this.calls.push({ at: this.now(), allowed, window: this.windows })
    const state = this.peek()
    const retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt - this.now()) / 1000))
    return { allowed, state, retryAfterSeconds }
  }

  reset(): void {
    this.configure(null)
  }

  private roll(): void {
    if (this.windowStart !== null && this.now() >= this.windowStart + this.config.windowMs) {
      this.windowStart = null
      this.count = 0
    }
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(state.resetAt / 1000)),
  }
}
