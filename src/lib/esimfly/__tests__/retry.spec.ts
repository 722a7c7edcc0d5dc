import { EsimflyRateLimitError, EsimflyRefusedError, EsimflyTransportError } from "../errors"
import { json, makeClient, raw, resetError, timeoutError } from "./fake-fetch"

const ok = () => json({ success: true, data: { balance: 10, currency: "USD" } })
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)

describe("GET retries", () => {
  it("retries a 503 and then succeeds", async () => {
    const { client, calls, delays } = makeClient([raw("unavailable", 503), ok()])

    await expect(client.getBalance()).resolves.toEqual({ balance: 10, currency: "USD" })
    expect(calls).toHaveLength(2)
    expect(delays).toEqual([250])
  })

  it("retries network errors and timeouts", async () => {
    const { client, calls } = makeClient([resetError(), timeoutError(), ok()])

    await expect(client.getBalance()).resolves.toMatchObject({ balance: 10 })
    expect(calls).toHaveLength(3)
  })

  it("backs off exponentially with full jitter", async () => {
    const { client, delays } = makeClient([raw("", 500), raw("", 500), raw("", 500), ok()], { random: () => 1 })

    await client.getBalance()

    expect(delays).toEqual([500, 1000, 2000])
  })

  it("honours Retry-After on 429 when it is longer than the backoff", async () => {
    const limited = json({ success: false, code: "RATE_LIMIT_EXCEEDED", error: "Too many" }, 429, {
      "Retry-After": "3",
    })
    const { client, calls, delays } = makeClient([limited, ok()])

    await client.getBalance()

    expect(calls).toHaveLength(2)
    expect(delays).toEqual([3000])
  })

  it("honours an HTTP-date Retry-After and X-RateLimit-Reset in epoch seconds", async () => {
    const byDate = raw("", 429, { "Retry-After": new Date(NOW + 4000).toUTCString() })
    const byReset = raw("", 429, { "X-RateLimit-Reset": String(NOW / 1000 + 6) })
    const { client, delays } = makeClient([byDate, byReset, ok()], { now: () => NOW })

    await client.getBalance()

    expect(delays).toEqual([4000, 6000])
  })

  it("gives up at once with the rate-limit error when the server asks for longer than retryMaxMs", async () => {
    const limited = json({ success: false, code: "RATE_LIMIT_EXCEEDED", error: "Too many" }, 429, {
      "Retry-After": "3600",
    })
    const { client, calls, delays } = makeClient([limited, ok()])

    const error = await client.getBalance().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyRateLimitError)
    expect((error as EsimflyRateLimitError).retryAfterMs).toBe(3600000)
    expect(calls).toHaveLength(1)
    expect(delays).toHaveLength(0)
  })

  it("does not retry a 400", async () => {
    const { client, calls } = makeClient([json({ success: false, code: "INVALID_PACKAGE", message: "no" }, 400), ok()])

    await expect(client.getBalance()).rejects.toMatchObject({
      constructor: EsimflyRefusedError,
      code: "INVALID_PACKAGE",
    })
    expect(calls).toHaveLength(1)
  })

  it("gives up after maxRetries with the last error", async () => {
    const { client, calls, delays } = makeClient([raw("", 502), raw("", 502), raw("", 502)], { maxRetries: 2 })

    const error = await client.getBalance().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyTransportError)
    expect(error).toMatchObject({
      status: 502,
      code: "HTTP_502",
      retryable: true,
      requestId: calls[2]?.headers["RT-RequestID"],
    })
    expect(calls).toHaveLength(3)
    expect(delays).toHaveLength(2)
  })

  it("surfaces a timeout or network error once retries are spent", async () => {
    const timeouts = makeClient([timeoutError()], { maxRetries: 0 })
    const resets = makeClient([resetError()], { maxRetries: 0 })

    await expect(timeouts.client.getBalance()).rejects.toMatchObject({
      constructor: EsimflyTransportError,
      code: "TIMEOUT",
    })
    const error = await resets.client.getBalance().catch((e: unknown) => e)
    expect(error).toMatchObject({ constructor: EsimflyTransportError, code: "NETWORK_ERROR" })
    expect((error as Error).message).toBe("esimfly GET /balance failed: TypeError: fetch failed (ECONNRESET)")
  })

  it("signs every retry afresh", async () => {
    let clock = 1700000000000
    const { client, calls } = makeClient([raw("", 503), ok()], { now: () => (clock += 1000) })

    await client.getBalance()

    expect(calls[0]?.headers["RT-Timestamp"]).not.toBe(calls[1]?.headers["RT-Timestamp"])
    expect(calls[0]?.headers["RT-Signature"]).not.toBe(calls[1]?.headers["RT-Signature"])
  })
})
