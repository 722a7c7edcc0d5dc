import { EsimflyRateLimitError } from "./errors"
import { RateLimitState } from "./rate-limit"

/** The budget assumed until esimfly's headers say otherwise (docs: orders.md, "Rate Limiting": 1000 per hour). */
export const DOCUMENTED_RATE_LIMIT = { limit: 1000, windowMs: 60 * 60 * 1000 }

/** Resets this close describe the same window: `X-RateLimit-Reset` carries whole seconds. */
const SAME_WINDOW_MS = 1000

/** The pacer's clock and one-shot timer (the returned function cancels it); tests inject fakes. */
export type PacerClock = {
  now: () => number
  schedule: (ms: number, wake: () => void) => () => void
}

/** Real timers: a cancelled wait leaves nothing behind to keep the process alive. */
export function timerClock(now: () => number = Date.now): PacerClock {
  return {
    now,
    schedule: (ms, wake) => {
      const timer = setTimeout(wake, ms)
      return () => clearTimeout(timer)
    },
  }
}

/** A clock over an injected `sleep` (the client's seam); cancelling only silences the wake-up. */
export function sleepClock(now: () => number, sleep: (ms: number) => Promise<void>): PacerClock {
  return {
    now,
    schedule: (ms, wake) => {
      let live = true
      void sleep(ms).then(() => live && wake())
      return () => {
        live = false
      }
    },
  }
}

/** What one response told the pacer. */
export type PacerFeedback = {
  rateLimit: RateLimitState | null
  status: number
  /** The server's requested wait (Retry-After, or the reset on a 429), from when it answered. */
  retryAfterMs: number | null
}

/** The pacer's view of the account's quota, for the admin. */
export type PacerSnapshot = {
  limit: number
  remaining: number
  /** When the current window ends; null before the first request of a window. */
  resetAt: Date | null
  /** "headers" once esimfly reported this window; "documented" or "estimated" before. */
  source: "headers" | "estimated" | "documented"
  inFlight: number
  waiting: number
}

type Waiter = { deadline: number; grant: () => void; refuse: (error: Error) => void }

/**
 * One account's request budget, shared by every caller in the process: a slot is taken
 * before each request (FIFO when the window is spent) and the headers of every answer
 * correct the estimate. Slots of requests still in flight stay reserved.
 */
export class RatePacer {
  readonly #clock: PacerClock
  #limit = DOCUMENTED_RATE_LIMIT.limit
  #remaining = DOCUMENTED_RATE_LIMIT.limit
  #resetAt: number | null = null
  #confirmed = false
  #heardHeaders = false
  #answered = false
  #inFlight = 0
  /** Slots granted since the current window began, counting in-flight ones carried over. */
  #windowGrants = 0
  #queue: Waiter[] = []
  #timer: { at: number; cancel: () => void } | null = null
  #sleptUntil = 0

  constructor(clock: PacerClock) {
    this.#clock = clock
  }

  /** Waits for a request slot; refuses with EsimflyRateLimitError (RATE_LIMIT_WAIT_TOO_LONG) past `maxWaitMs`. */
  take(maxWaitMs: number): Promise<void> {
    const deadline = this.#time() + maxWaitMs
    const slot = new Promise<void>((grant, refuse) => this.#queue.push({ deadline, grant, refuse }))
    this.#drain()
    return slot
  }

  /** Ends a request that held a slot, with what its answer said (null: no answer came). */
  settle(feedback: PacerFeedback | null): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1)
    if (feedback) {
      this.#answered = true
      this.#learn(feedback)
    }
    this.#drain()
  }

  snapshot(): PacerSnapshot {
    this.#roll(this.#time())
    const source = this.#confirmed ? "headers" : this.#heardHeaders ? "estimated" : "documented"
    return {
      limit: this.#limit,
      remaining: this.#remaining,
      resetAt: this.#resetAt === null ? null : new Date(this.#resetAt),
      source,
      inFlight: this.#inFlight,
      waiting: this.#queue.length,
    }
  }

  /** Trusts its own sleeps, so a fake clock that does not move cannot make it wait twice. */
  #time(): number {
    return Math.max(this.#clock.now(), this.#sleptUntil)
  }

  /** Until any answer arrives the limit is a guess: one request probes it. */
  #canSend(): boolean {
    return this.#remaining > 0 && (this.#answered || this.#inFlight === 0)
  }

  #drain(): void {
    const now = this.#time()
    this.#roll(now)
    while (this.#queue.length > 0 && this.#canSend()) {
      const waiter = this.#queue.shift() as Waiter
      this.#remaining -= 1
      this.#inFlight += 1
      this.#windowGrants += 1
      this.#resetAt ??= now + DOCUMENTED_RATE_LIMIT.windowMs
      waiter.grant()
    }
    this.#refuseHopeless(now)
    this.#arm(now)
  }

  /** A spent window gives way to a fresh one; in-flight requests may still count in it. */
  #roll(now: number): void {
    if (this.#resetAt !== null && now >= this.#resetAt) {
      this.#remaining = Math.max(0, this.#limit - this.#inFlight)
      this.#windowGrants = this.#inFlight
      this.#resetAt = null
      this.#confirmed = false
    }
  }

  /** Refuses, unsent, the waiters whose deadline passed or falls before a known reset. */
  #refuseHopeless(now: number): void {
    const spentUntil = this.#remaining === 0 && this.#confirmed ? this.#resetAt : null
    const hopeless = (waiter: Waiter) => waiter.deadline <= now || (spentUntil !== null && waiter.deadline < spentUntil)
    const refused = this.#queue.filter(hopeless)
    if (refused.length > 0) {
      this.#queue = this.#queue.filter((waiter) => !hopeless(waiter))
      refused.forEach((waiter) => waiter.refuse(this.#waitError(now)))
    }
  }

  #waitError(now: number): EsimflyRateLimitError {
    const retryAfterMs = this.#resetAt === null ? null : Math.max(0, this.#resetAt - now)
    const resets = this.#resetAt === null ? "" : `, the window resets at ${new Date(this.#resetAt).toISOString()}`
    return new EsimflyRateLimitError({
      code: "RATE_LIMIT_WAIT_TOO_LONG",
      message:
        `esimfly rate limit: no request slot within rateLimitMaxWaitMs ` +
        `(limit ${this.#limit} per window${resets}); nothing was sent`,
      retryAfterMs,
    })
  }

  /** One timer at a time, for the earliest of the reset and the waiters' deadlines; none when nobody waits. */
  #arm(now: number): void {
    const deadlines = this.#queue.map((waiter) => waiter.deadline)
    const target = Math.min(this.#resetAt ?? Infinity, ...deadlines)
    if (this.#queue.length === 0 || (this.#timer !== null && this.#timer.at <= target)) {
      if (this.#queue.length === 0) {
        this.#cancelTimer()
      }
      return
    }
    this.#cancelTimer()
    const cancel = this.#clock.schedule(Math.max(0, target - now), () => {
      this.#timer = null
      this.#sleptUntil = Math.max(this.#sleptUntil, target)
      this.#drain()
    })
    this.#timer = { at: target, cancel }
  }

  #cancelTimer(): void {
    this.#timer?.cancel()
    this.#timer = null
  }

  #learn({ rateLimit, status, retryAfterMs }: PacerFeedback): void {
    const now = this.#time()
    if (rateLimit) {
      this.#adopt(rateLimit, now)
    }
    if (status === 429 && retryAfterMs !== null) {
      // esimfly counted more than we knew (another process, or a limit that changed): its wait wins.
      this.#remaining = 0
      this.#resetAt = now + retryAfterMs
      this.#confirmed = true
    }
  }

  /**
   * Headers correct the estimate without counting a call twice. In a window it knows,
   * esimfly's count can exceed ours only by calls of others, so the lower figure wins.
   */
  #adopt({ limit, remaining, resetAt }: RateLimitState, now: number): void {
    const resetMs = resetAt.getTime()
    if (resetMs <= now) {
      return
    }
    this.#heardHeaders = true
    this.#limit = limit
    const known = this.#confirmed ? this.#resetAt : null
    if (known !== null && Math.abs(resetMs - known) < SAME_WINDOW_MS) {
      this.#remaining = Math.min(this.#remaining, remaining)
      this.#resetAt = Math.max(known, resetMs)
      return
    }
    if (known === null) {
      // The first report of this window: every slot granted in it stays reserved.
      this.#remaining = Math.max(0, Math.min(limit - this.#windowGrants, remaining))
    } else {
      // esimfly moved to a window of its own: requests still in flight may land in it.
      this.#remaining = Math.max(0, remaining - this.#inFlight)
      this.#windowGrants = this.#inFlight
    }
    this.#resetAt = resetMs
    this.#confirmed = true
  }
}

/** One pacer per account (base URL + access code, never the secret) in the whole process. */
export class RatePacerRegistry {
  readonly #pacers = new Map<string, RatePacer>()

  /** The account's pacer; the first caller's clock drives it. */
  pacerFor(baseUrl: string, accessCode: string, clock: PacerClock): RatePacer {
    const key = `${baseUrl} ${accessCode}`
    let pacer = this.#pacers.get(key)
    if (!pacer) {
      pacer = new RatePacer(clock)
      this.#pacers.set(key, pacer)
    }
    return pacer
  }
}

/** The process-wide registry every client uses unless a test injects its own. */
export const sharedRatePacers = new RatePacerRegistry()
