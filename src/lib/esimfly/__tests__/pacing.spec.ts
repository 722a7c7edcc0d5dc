import { EsimflyClient, EsimflyClientConfig } from "../client"
import { EsimflyOptionsError, EsimflyRateLimitError } from "../errors"
import { parseEsimflyOptions } from "../options"
import { RatePacerRegistry } from "../rate-pacer"
import type { FetchLike } from "../transport"
import { FakeClock, settle } from "./fake-clock"
import { completedOrder, json } from "./fake-fetch"

const WINDOW_MS = 60_000
const BASE_URL = "https://api.test/api/v1/business"

type Sent = { path: string; method: string; at: number; timestamp: string; status: number }

/** esimfly's fixed window per access code, answering with the X-RateLimit-* headers. */
function windowServer(clock: FakeClock, limit: number) {
  const sent: Sent[] = []
  const windows = new Map<string, { start: number; count: number }>()
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>
    const key = headers["RT-AccessCode"]
    const now = clock.now()
    let window = windows.get(key)
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    const allowed = window.count < limit
    window.count += allowed ? 1 : 0
    const rateHeaders = {
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": String(limit - window.count),
      "X-RateLimit-Reset": String(Math.ceil((window.start + WINDOW_MS) / 1000)),
    }
    const { pathname } = new URL(url)
    const method = init.method ?? "GET"
    const status = allowed ? 200 : 429
    sent.push({
      path: pathname.replace("/api/v1/business", ""),
      method,
      at: now,
      timestamp: headers["RT-Timestamp"],
      status,
    })
    if (!allowed) {
      return json({ success: false, code: "RATE_LIMIT_EXCEEDED", error: "Too many" }, 429, {
        ...rateHeaders,
        "Retry-After": "60",
      })
    }
    const body = method === "POST" ? completedOrder() : { success: true, data: { balance: 10, currency: "USD" } }
    return json(body, 200, rateHeaders)
  }
  return { fetch, sent }
}

function clientOf(fetch: FetchLike, clock: FakeClock, config: Partial<EsimflyClientConfig> = {}) {
  return new EsimflyClient({
    accessCode: "esf_pacing_access",
    secretKey: "sk_pacing_secret",
    baseUrl: BASE_URL,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    ...config,
  })
}

function track<T>(promise: Promise<T>): { done: boolean; error: unknown } {
  const state = { done: false, error: null as unknown }
  promise.then(
    () => (state.done = true),
    (error: unknown) => (state.error = error)
  )
  return state
}

let clock: FakeClock
let pacers: RatePacerRegistry

beforeEach(() => {
  clock = new FakeClock()
  pacers = new RatePacerRegistry()
})

describe("rate-limit pacing through the client", () => {
  it("shares one budget between every client of the account, and never draws a 429", async () => {
    const server = windowServer(clock, 3)
    const [first, second] = [clientOf(server.fetch, clock, { pacers }), clientOf(server.fetch, clock, { pacers })]

    await first.getBalance()
    await second.getBalance()
    await first.getBalance()
    const waiting = [track(second.getBalance()), track(first.createOrder({ packageCode: "TR1GB7D" }))]
    await settle()

    expect(server.sent).toHaveLength(3)
    expect(first.pacing).toMatchObject({ limit: 3, remaining: 0, waiting: 2 })
    expect(second.pacing).toEqual(first.pacing)

    await clock.advance(WINDOW_MS)
    expect(waiting.map((w) => w.done)).toEqual([true, true])
    expect(server.sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 200])
    expect(server.sent[3].at - server.sent[0].at).toBe(WINDOW_MS)
  })

  it("keeps a separate budget for another account", async () => {
    const server = windowServer(clock, 1)
    const mine = clientOf(server.fetch, clock, { pacers })
    const theirs = clientOf(server.fetch, clock, { pacers, accessCode: "esf_other_access" })

    await mine.getBalance()
    const stuck = track(mine.getBalance())
    await theirs.getBalance()
    await settle()

    expect(stuck.done).toBe(false)
    expect(theirs.pacing).toMatchObject({ limit: 1, remaining: 0, waiting: 0 })
    expect(mine.pacing).toMatchObject({ waiting: 1 })
  })

  it("shares the process-wide pacer when no registry is injected", async () => {
    const server = windowServer(clock, 10)
    const baseUrl = "https://process-wide.test/api/v1/business"
    const first = clientOf(server.fetch, clock, { baseUrl })
    const second = clientOf(server.fetch, clock, { baseUrl, secretKey: "sk_another_secret" })

    await first.getBalance()

    expect(second.pacing).toMatchObject({ limit: 10, remaining: 9, source: "headers" })
  })

  it("holds a create-order before it is signed, then sends it exactly once", async () => {
    const server = windowServer(clock, 1)
    const client = clientOf(server.fetch, clock, { pacers })
    await client.getBalance()

    const order = track(client.createOrder({ packageCode: "TR1GB7D", idempotencyKey: "order_1:line_1:0" }))
    await clock.advance(WINDOW_MS - 1)
    expect(server.sent.filter((s) => s.method === "POST")).toHaveLength(0)

    await clock.advance(1)
    const posts = server.sent.filter((s) => s.method === "POST")
    expect(order.done).toBe(true)
    expect(posts).toHaveLength(1)
    expect(Number(posts[0].timestamp)).toBe(posts[0].at)
  })

  it("paces cancels and GETs alike", async () => {
    const server = windowServer(clock, 1)
    const client = clientOf(server.fetch, clock, { pacers })
    await client.getBalance()

    const cancel = track(client.cancelEsim("8988000000000000001"))
    await settle()

    expect(cancel.done).toBe(false)
    expect(server.sent).toHaveLength(1)
  })

  it("refuses a call that would wait past rateLimitMaxWaitMs, sending nothing", async () => {
    const server = windowServer(clock, 1)
    const client = clientOf(server.fetch, clock, { pacers, rateLimitMaxWaitMs: 1000 })
    await client.getBalance()

    const error = await client.createOrder({ packageCode: "TR1GB7D" }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyRateLimitError)
    expect(error).toMatchObject({ code: "RATE_LIMIT_WAIT_TOO_LONG", retryAfterMs: WINDOW_MS })
    expect(server.sent).toHaveLength(1)
  })

  it("learns from a 429 it could not foresee and waits it out once, not twice", async () => {
    const server = windowServer(clock, 2)
    const other = clientOf(server.fetch, clock, { pacers: new RatePacerRegistry() })
    const client = clientOf(server.fetch, clock, { pacers, retryMaxMs: WINDOW_MS })
    await client.getBalance()
    await other.getBalance()

    const balance = track(client.getBalance())
    await settle()
    await settle()
    expect(server.sent.map((s) => s.status)).toEqual([200, 200, 429])
    expect(client.pacing).toMatchObject({ remaining: 0, waiting: 1 })

    await clock.advance(WINDOW_MS)
    expect(balance.done).toBe(true)
    expect(server.sent.map((s) => s.status)).toEqual([200, 200, 429, 200])
    expect(server.sent[3].at - server.sent[2].at).toBe(WINDOW_MS)
  })

  it("sends at once, unpaced, when rateLimitPacing is false", async () => {
    const server = windowServer(clock, 1)
    const client = clientOf(server.fetch, clock, { pacers, rateLimitPacing: false, maxRetries: 0 })

    await client.getBalance()
    await client.getBalance().catch(() => undefined)

    expect(client.pacing).toBeNull()
    expect(server.sent.map((s) => s.status)).toEqual([200, 429])
  })
})

describe("pacing options", () => {
  const valid = { accessCode: "esf_access", secretKey: "sk_secret_value" }
  const messageOf = (raw: Record<string, unknown>) => {
    try {
      parseEsimflyOptions({ ...valid, ...raw })
    } catch (error) {
      expect(error).toBeInstanceOf(EsimflyOptionsError)
      return (error as Error).message
    }
    throw new Error("expected the options to be refused")
  }

  it("accepts booleans and their env-var spellings for rateLimitPacing", () => {
    expect(parseEsimflyOptions({ ...valid, rateLimitPacing: "false" }).rateLimitPacing).toBe(false)
    expect(parseEsimflyOptions({ ...valid, rateLimitPacing: true }).rateLimitPacing).toBe(true)
  })

  it("names rateLimitPacing and rateLimitMaxWaitMs when they are malformed", () => {
    expect(messageOf({ rateLimitPacing: "off" })).toBe('esimfly: option "rateLimitPacing" must be true or false')
    expect(messageOf({ rateLimitMaxWaitMs: -1 })).toBe(
      'esimfly: option "rateLimitMaxWaitMs" must be an integer between 0 and 3600000'
    )
  })

  it("refuses a bad pacing option when the client is built", () => {
    expect(() => new EsimflyClient({ ...valid, rateLimitPacing: "no" as unknown as boolean })).toThrow(
      'option "rateLimitPacing"'
    )
  })
})
