import { manualClock, startSandbox, useSandbox } from "./support/harness"
import { BalanceBody, ErrorBody } from "./support/wire"

const MINUTE = 60 * 1000

describe("sandbox authentication", () => {
  const clock = manualClock()
  const current = useSandbox(() => ({ now: clock.now }))

  it("accepts a correctly signed GET, with the signature in either case", async () => {
    const { api } = current()
    const upper = await api.get<BalanceBody>("/balance")
    const lower = await api.get<BalanceBody>("/balance", { lowerCaseSignature: true })
    expect(upper.status).toBe(200)
    expect(upper.body).toEqual({ success: true, data: { balance: 1000, currency: "USD" } })
    expect(lower.status).toBe(200)
  })

  it("does not sign the query string", async () => {
    const { api } = current()
    const reply = await api.get("/orders?limit=5&status=all")
    expect(reply.status).toBe(200)
  })

  it("answers 401 without a code when any auth header is missing", async () => {
    const { api } = current()
    for (const header of ["RT-AccessCode", "RT-RequestID", "RT-Timestamp", "RT-Signature"]) {
      const reply = await api.get<ErrorBody>("/balance", { omit: [header] })
      expect(reply.status).toBe(401)
      expect(reply.body).toEqual({
        success: false,
        error: "Authentication required",
        message: "Please provide either Bearer token or complete HMAC signature authentication",
      })
    }
  })

  it("rejects an unknown access code with INVALID_API_KEY", async () => {
    const reply = await current().api.get<ErrorBody>("/balance", { accessCode: "esf_nobody" })
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ success: false, error: "Invalid API key", code: "INVALID_API_KEY" })
  })

  it("rejects a correctly signed personal account with 403 INVALID_USER", async () => {
    const { api, sandbox } = current()
    const reply = await api.get<ErrorBody>("/balance", { accessCode: sandbox.personalAccessCode })
    expect(reply.status).toBe(403)
    expect(reply.body).toMatchObject({
      code: "INVALID_USER",
      error: "Invalid user or not a business account",
    })
  })

  it("checks the signature of a personal account before calling it non-business", async () => {
    const { api, sandbox } = current()
    const reply = await api.get<ErrorBody>("/balance", {
      accessCode: sandbox.personalAccessCode,
      secretKey: "sk_wrong",
    })
    expect(reply.status).toBe(401)
    expect(reply.body.code).toBe("INVALID_SIGNATURE")
  })

  it("rejects a body changed after signing and records no order", async () => {
    const { api, sandbox } = current()
    const reply = await api.post<ErrorBody>(
      "/esims/order",
      { packageCode: "TR-1GB-7D", quantity: 1 },
      { sendBody: JSON.stringify({ packageCode: "TR-1GB-7D", quantity: 2 }) }
    )
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ success: false, error: "Invalid HMAC signature", code: "INVALID_SIGNATURE" })
    expect(sandbox.ledger().orders).toEqual([])
    expect(sandbox.ledger().balance).toBe(1000)
  })

  it("verifies the body bytes exactly as sent (whitespace counts)", async () => {
    const { api } = current()
    const signed = '{"packageCode": "TR-1GB-7D"}'
    const compact = '{"packageCode":"TR-1GB-7D"}'
    const reply = await api.post<ErrorBody>("/esims/order", signed, { sendBody: compact })
    expect(reply.body.code).toBe("INVALID_SIGNATURE")
    const exact = await api.post("/esims/order", signed)
    expect(exact.status).toBe(200)
  })

  it("rejects a reused request id with 409 DUPLICATE_REQUEST", async () => {
    const { api } = current()
    const requestId = "0b0e7c1e-4a5b-4c3d-9e8f-123456789abc"
    expect((await api.get("/balance", { requestId })).status).toBe(200)
    const again = await api.get<ErrorBody>("/balance", { requestId })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe("DUPLICATE_REQUEST")
  })

  it("forgets request ids after 24 hours", async () => {
    const { api } = current()
    const requestId = "1b0e7c1e-4a5b-4c3d-8e8f-123456789abc"
    expect((await api.get("/balance", { requestId })).status).toBe(200)
    clock.advance(24 * 60 * MINUTE + 1)
    expect((await api.get("/balance", { requestId })).status).toBe(200)
  })

  it("rejects a timestamp 6 minutes old or 6 minutes ahead with INVALID_TIMESTAMP", async () => {
    const { api } = current()
    for (const timestamp of [clock.now() - 6 * MINUTE, clock.now() + 6 * MINUTE, "yesterday"]) {
      const reply = await api.get<ErrorBody>("/balance", { timestamp })
      expect(reply.status).toBe(401)
      expect(reply.body.code).toBe("INVALID_TIMESTAMP")
    }
    expect((await api.get("/balance", { timestamp: clock.now() - 4 * MINUTE })).status).toBe(200)
  })

  it("rejects a request id that is not a UUID v4 with INVALID_REQUEST_ID", async () => {
    const { api } = current()
    for (const requestId of ["not-a-uuid", "0b0e7c1e-4a5b-1c3d-9e8f-123456789abc"]) {
      const reply = await api.get<ErrorBody>("/balance", { requestId })
      expect(reply.status).toBe(400)
      expect(reply.body).toEqual({
        success: false,
        error: "Invalid or missing RT-RequestID header. Must be a valid UUID v4.",
        code: "INVALID_REQUEST_ID",
      })
    }
  })

  it("puts rate-limit headers on successes and errors alike", async () => {
    const { api } = current()
    const ok = await api.get("/balance")
    const denied = await api.get("/balance", { accessCode: "esf_nobody" })
    for (const reply of [ok, denied]) {
      expect(reply.headers.get("x-ratelimit-limit")).toBe("1000")
      expect(Number(reply.headers.get("x-ratelimit-remaining"))).toBeGreaterThanOrEqual(998)
      expect(Number(reply.headers.get("x-ratelimit-reset"))).toBe(Math.ceil((clock.now() + 3600_000) / 1000))
    }
  })

  it("answers 404 JSON for an unknown route", async () => {
    const reply = await current().api.get<ErrorBody>("/esims/nothing")
    expect(reply.status).toBe(404)
    expect(reply.body).toMatchObject({ success: false, code: "NOT_FOUND" })
  })
})

describe("sandbox credentials", () => {
  it("uses the access code and secret key it was given", async () => {
    const harness = await startSandbox({ accessCode: "esf_custom", secretKey: "sk_custom" })
    try {
      expect((await harness.api.get("/balance")).status).toBe(200)
      const wrong = await harness.api.get<ErrorBody>("/balance", { secretKey: "sk_sandbox_secret" })
      expect(wrong.body.code).toBe("INVALID_SIGNATURE")
    } finally {
      await harness.sandbox.close()
    }
  })
})
