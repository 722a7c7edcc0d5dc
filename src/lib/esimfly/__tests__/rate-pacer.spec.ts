import { EsimflyRateLimitError } from "../errors"
import { DOCUMENTED_RATE_LIMIT, PacerFeedback, RatePacer, sleepClock, timerClock } from "../rate-pacer"
import { FakeClock, settle } from "./fake-clock"

const MINUTE = 60_000

type Tracked = { granted: boolean; error: unknown; order: number }

let clock: FakeClock
let pacer: RatePacer
let grants: number

beforeEach(() => {
  clock = new FakeClock()
  pacer = new RatePacer(sleepClock(clock.now, clock.sleep))
  grants = 0
})

function take(maxWaitMs = 10 * MINUTE): Tracked {
  const tracked: Tracked = { granted: false, error: null, order: 0 }
  pacer.take(maxWaitMs).then(
    () => {
      tracked.granted = true
      tracked.order = ++grants
    },
    (error: unknown) => {
      tracked.error = error
    }
  )
  return tracked
}

async function takeMany(count: number, maxWaitMs?: number): Promise<Tracked[]> {
  const taken = Array.from({ length: count }, () => take(maxWaitMs))
  await settle()
  return taken
}

function answer(limit: number, remaining: number, resetInMs: number, status = 200): PacerFeedback {
  const resetAt = new Date(clock.now() + resetInMs)
  return { rateLimit: { limit, remaining, resetAt }, status, retryAfterMs: null }
}

/** One probe answered with a window of `limit`, of which the probe used one. */
async function learnWindow(limit: number, resetInMs = MINUTE): Promise<void> {
  const [probe] = await takeMany(1)
  expect(probe.granted).toBe(true)
  pacer.settle(answer(limit, limit - 1, resetInMs))
}

const granted = (taken: Tracked[]) => taken.filter((t) => t.granted).length

describe("RatePacer", () => {
  it("sends one probe until the first answer, then trusts the headers", async () => {
    const [first, second, third] = await takeMany(3)
    expect([first.granted, second.granted, third.granted]).toEqual([true, false, false])

    pacer.settle(answer(100, 99, MINUTE))
    await settle()

    expect([second.granted, third.granted]).toEqual([true, true])
    expect(pacer.snapshot()).toMatchObject({ limit: 100, remaining: 97, source: "headers", inFlight: 2 })
  })

  it("starts from the documented 1000 per hour while esimfly sends no headers", async () => {
    const [probe] = await takeMany(1)
    pacer.settle({ rateLimit: null, status: 200, retryAfterMs: null })
    const rest = await takeMany(DOCUMENTED_RATE_LIMIT.limit)

    expect(probe.granted).toBe(true)
    expect(granted(rest)).toBe(DOCUMENTED_RATE_LIMIT.limit - 1)
    expect(pacer.snapshot()).toMatchObject({
      limit: 1000,
      remaining: 0,
      source: "documented",
      resetAt: new Date(clock.now() + DOCUMENTED_RATE_LIMIT.windowMs),
    })
  })

  it("spends exactly the budget the headers report", async () => {
    await learnWindow(5)
    const taken = await takeMany(6)
    expect(granted(taken)).toBe(4)
    expect(pacer.snapshot()).toMatchObject({ remaining: 0, waiting: 2 })
  })

  it("keeps the slots of requests still in flight reserved when esimfly reports a window anew", async () => {
    await learnWindow(10, MINUTE)
    expect(granted(await takeMany(4))).toBe(4)

    // esimfly moved to a window ending later, and had counted only the one it answered.
    pacer.settle(answer(10, 9, 2 * MINUTE))

    expect(pacer.snapshot()).toMatchObject({ remaining: 6, inFlight: 3 })
    expect(granted(await takeMany(7))).toBe(6)
  })

  it("loses no slot to answers that come back while other requests are still in flight", async () => {
    await learnWindow(10)
    expect(granted(await takeMany(5))).toBe(5)

    // esimfly had already counted all five when it answered the first of them.
    pacer.settle(answer(10, 4, MINUTE))

    expect(pacer.snapshot()).toMatchObject({ remaining: 4, inFlight: 4 })
    expect(granted(await takeMany(5))).toBe(4)
  })

  it("keeps every slot granted since the reset reserved when the new window is first reported", async () => {
    await learnWindow(3, MINUTE)
    await takeMany(2)
    pacer.settle(answer(3, 1, MINUTE))
    pacer.settle(answer(3, 0, MINUTE))
    const waiting = await takeMany(4)
    await clock.advance(MINUTE)
    expect(granted(waiting)).toBe(3)

    // Only the one it answered had reached esimfly; the other two are still on their way.
    pacer.settle(answer(3, 2, MINUTE))

    expect(pacer.snapshot()).toMatchObject({ remaining: 0, inFlight: 2, waiting: 1, source: "headers" })
  })

  it("keeps the slots of requests still in flight at the reset reserved in the new window", async () => {
    await learnWindow(3, MINUTE)
    expect(granted(await takeMany(2))).toBe(2)
    const waiting = await takeMany(3)

    await clock.advance(MINUTE)

    expect(granted(waiting)).toBe(1)
    expect(pacer.snapshot()).toMatchObject({ remaining: 0, inFlight: 3, waiting: 2 })
  })

  it("lowers the budget when esimfly counted calls it did not get from us", async () => {
    await learnWindow(10)
    await takeMany(1)
    pacer.settle(answer(10, 2, MINUTE))
    expect(pacer.snapshot().remaining).toBe(2)
  })

  it("waits for the reset without spinning, then serves the waiters first come first served", async () => {
    await learnWindow(2, MINUTE)
    await takeMany(1)
    pacer.settle(answer(2, 0, MINUTE))
    const waiting = await takeMany(3)
    const sleepsBefore = clock.pending

    await clock.advance(MINUTE - 1)
    expect(granted(waiting)).toBe(0)
    expect(clock.pending).toBe(sleepsBefore)
    expect(sleepsBefore).toBe(1)

    await clock.advance(1)
    expect(waiting.map((t) => t.order)).toEqual([1 + 2, 2 + 2, 0])
    expect(pacer.snapshot()).toMatchObject({ remaining: 0, waiting: 1, inFlight: 2 })
  })

  it("serves earlier waiters before a newcomer that arrives at the reset before the timer fires", async () => {
    await learnWindow(1, MINUTE)
    const early = await takeMany(2)
    clock.skew(MINUTE)
    const [late] = await takeMany(1)

    expect(early.map((t) => t.granted)).toEqual([true, false])
    expect(late.granted).toBe(false)
    expect(pacer.snapshot().waiting).toBe(2)
  })

  it("lets a 429's Retry-After close the window even when it thought slots were left", async () => {
    await learnWindow(100)
    await takeMany(1)
    pacer.settle({ rateLimit: null, status: 429, retryAfterMs: 5000 })
    const [next] = await takeMany(1)

    expect(next.granted).toBe(false)
    await clock.advance(5000)
    expect(next.granted).toBe(true)
  })

  it("takes a 429's X-RateLimit-Reset as the new window", async () => {
    await learnWindow(100)
    await takeMany(1)
    pacer.settle({ ...answer(100, 0, 30_000, 429), retryAfterMs: 30_000 })
    const [next] = await takeMany(1)

    await clock.advance(29_999)
    expect(next.granted).toBe(false)
    await clock.advance(1)
    expect(next.granted).toBe(true)
  })

  it("refuses at once, with a typed error, a wait past maxWaitMs for a known reset", async () => {
    await learnWindow(1, 10 * MINUTE)
    const [refused] = await takeMany(1, MINUTE)

    expect(refused.error).toBeInstanceOf(EsimflyRateLimitError)
    expect(refused.error).toMatchObject({
      code: "RATE_LIMIT_WAIT_TOO_LONG",
      retryable: true,
      retryAfterMs: 10 * MINUTE,
    })
    expect((refused.error as Error).message).toContain("rateLimitMaxWaitMs")
    expect(pacer.snapshot().waiting).toBe(0)
  })

  it("refuses a waiter at its deadline when no answer tells when the window resets", async () => {
    await takeMany(1)
    const [waiter] = await takeMany(1, 1000)

    await clock.advance(999)
    expect(waiter.error).toBeNull()
    await clock.advance(1)
    expect(waiter.error).toMatchObject({ constructor: EsimflyRateLimitError, code: "RATE_LIMIT_WAIT_TOO_LONG" })
  })

  it("lets the next caller probe when the probe got no answer", async () => {
    const [, second] = await takeMany(2)
    pacer.settle(null)
    await settle()
    expect(second.granted).toBe(true)
  })

  it("ignores the headers of a window that is already over", async () => {
    await learnWindow(3, 1000)
    await takeMany(1)
    await clock.advance(1000)
    pacer.settle(answer(3, 0, 0))
    expect(pacer.snapshot()).toMatchObject({ remaining: 3, resetAt: null })
  })

  it("cancels its real timer once nobody waits, so nothing keeps the process alive", async () => {
    jest.useFakeTimers({ now: clock.now(), doNotFake: ["setImmediate"] })
    try {
      pacer = new RatePacer(timerClock())
      await learnWindow(1, MINUTE)
      pacer.take(10 * MINUTE).catch(() => undefined)
      expect(jest.getTimerCount()).toBe(1)

      pacer.settle(answer(1, 1, 2 * MINUTE))

      expect(pacer.snapshot()).toMatchObject({ waiting: 0, inFlight: 1 })
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      jest.useRealTimers()
    }
  })
})
