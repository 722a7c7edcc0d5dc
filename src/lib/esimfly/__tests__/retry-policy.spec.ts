import { backoffMs, parseRateLimitReset, parseRetryAfter, planRetry, serverWaitMs, shouldRetry } from "../retry-policy"

const policy = { maxRetries: 3, retryBaseMs: 500, retryMaxMs: 10000 }
const now = Date.UTC(2026, 0, 1, 12, 0, 0)
const headers = (values: Record<string, string>) => new Headers(values)

describe("shouldRetry", () => {
  it.each([
    [{ kind: "network" } as const],
    [{ kind: "timeout" } as const],
    [{ kind: "status", status: 429 } as const],
    [{ kind: "status", status: 503 } as const],
  ])("retries a GET after %j", (failure) => {
    expect(shouldRetry("GET", failure, 0, 3)).toBe(true)
  })

  it("never retries a POST", () => {
    expect(shouldRetry("POST", { kind: "timeout" }, 0, 3)).toBe(false)
  })

  it("never retries a 4xx other than 429", () => {
    expect(shouldRetry("GET", { kind: "status", status: 400 }, 0, 3)).toBe(false)
    expect(shouldRetry("GET", { kind: "status", status: 401 }, 0, 3)).toBe(false)
  })

  it("stops after maxRetries", () => {
    expect(shouldRetry("GET", { kind: "network" }, 3, 3)).toBe(false)
  })
})

describe("backoffMs", () => {
  it("grows exponentially, is capped, and is fully jittered", () => {
    expect(backoffMs(0, policy, () => 1)).toBe(500)
    expect(backoffMs(3, policy, () => 1)).toBe(4000)
    expect(backoffMs(10, policy, () => 1)).toBe(10000)
    expect(backoffMs(3, policy, () => 0.5)).toBe(2000)
    expect(backoffMs(3, policy, () => 0)).toBe(0)
  })
})

describe("parseRetryAfter", () => {
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2000)
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000)
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter("soon", now)).toBeNull()
  })
})

describe("parseRateLimitReset", () => {
  it("tells epoch seconds, epoch ms and delta seconds apart by magnitude", () => {
    expect(parseRateLimitReset(String(now / 1000 + 30), now)).toBe(now + 30000)
    expect(parseRateLimitReset(String(now + 30000), now)).toBe(now + 30000)
    expect(parseRateLimitReset("30", now)).toBe(now + 30000)
    expect(parseRateLimitReset("", now)).toBeNull()
  })
})

describe("serverWaitMs", () => {
  it("prefers Retry-After, falls back on X-RateLimit-Reset for 429 only", () => {
    expect(serverWaitMs(429, headers({ "retry-after": "3", "x-ratelimit-reset": "60" }), now)).toBe(3000)
    expect(serverWaitMs(429, headers({ "x-ratelimit-reset": "60" }), now)).toBe(60000)
    expect(serverWaitMs(503, headers({ "x-ratelimit-reset": "60" }), now)).toBeNull()
    expect(serverWaitMs(503, headers({ "retry-after": "1" }), now)).toBe(1000)
  })
})

describe("planRetry", () => {
  const base = { method: "GET", attempt: 0, policy, random: () => 0.5, serverWaitMs: null }

  it("waits the jittered backoff, or the server's wait when longer", () => {
    expect(planRetry({ ...base, failure: { kind: "status", status: 503 } })).toEqual({ retry: true, delayMs: 250 })
    expect(planRetry({ ...base, failure: { kind: "status", status: 429 }, serverWaitMs: 4000 })).toEqual({
      retry: true,
      delayMs: 4000,
    })
  })

  it("gives up when the server asks for longer than retryMaxMs", () => {
    expect(planRetry({ ...base, failure: { kind: "status", status: 429 }, serverWaitMs: 60000 })).toEqual({
      retry: false,
      reason: "wait_too_long",
    })
  })

  it("gives up when attempts are exhausted", () => {
    expect(planRetry({ ...base, attempt: 3, failure: { kind: "network" } })).toEqual({
      retry: false,
      reason: "exhausted",
    })
  })
})
