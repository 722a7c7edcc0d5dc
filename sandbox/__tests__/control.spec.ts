import { SandboxLedger } from "../index"
import { useSandbox } from "./support/harness"
import { BalanceBody, CreateOrderBody, ErrorBody, HistoryBody } from "./support/wire"

describe("/__sandbox control routes", () => {
  const current = useSandbox()

  it("GET /__sandbox/ledger shows orders, requests and the balance without auth", async () => {
    const { api, control } = current()
    const requestId = "4b0e7c1e-4a5b-4c3d-9e8f-123456789abc"
    const created = await api.post<CreateOrderBody>(
      "/esims/order",
      { packageCode: "TR-1GB-7D", quantity: 2, idempotency_key: "k-1" },
      { requestId }
    )
    await api.get("/balance", { accessCode: "esf_nobody" })
    const { status, body } = await control<SandboxLedger>("/ledger")
    expect(status).toBe(200)
    expect(body.balance).toBe(994.56)
    expect(body.currency).toBe("USD")
    expect(body.orders).toEqual([
      expect.objectContaining({
        orderReference: created.body.orderReference,
        idempotencyKey: "k-1",
        requestId,
        quantity: 2,
        amount: 5.44,
        currency: "USD",
        status: "completed",
        createdAt: expect.any(String),
      }),
    ])
    const iccids = created.body.esims.map((esim) => esim.iccid)
    expect(body.orders[0].esims.map((esim) => esim.iccid)).toEqual(iccids)
    expect(body.requests).toEqual([
      {
        seq: 1,
        method: "POST",
        path: "/api/v1/business/esims/order",
        requestId,
        status: 200,
        outcome: "answered",
        at: expect.any(String),
      },
      expect.objectContaining({ seq: 2, path: "/api/v1/business/balance", status: 401, outcome: "rejected" }),
    ])
  })

  it("POST /__sandbox/faults sets faults the API then obeys", async () => {
    const { api, control } = current()
    const set = await control<{ failNext: unknown[]; latencyMs: number }>("/faults", {
      latencyMs: 10,
      failNext: { count: 1, status: 502, path: "/balance" },
      rateLimit: { limit: 50, windowMs: 60_000 },
      stayPending: ["TR-1GB-7D"],
    })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ latencyMs: 10, failNext: [expect.objectContaining({ status: 502 })] })
    const failed = await api.get<ErrorBody>("/balance")
    expect(failed.status).toBe(502)
    expect(failed.body.code).toBe("PROVIDER_ERROR")
    expect(failed.headers.get("x-ratelimit-limit")).toBe("50")
    const pending = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    expect(pending.body.status).toBe("pending_details")
    const faults = await control<{ stayPending: string[] }>("/faults")
    expect(faults.body.stayPending).toEqual(["TR-1GB-7D"])
  })

  it("POST /__sandbox/faults drops and hangs on request", async () => {
    const { api, control, sandbox } = current()
    await control("/faults", { dropReplyNext: { count: 1 }, hangNext: { count: 1, path: "/orders" } })
    await expect(api.post("/esims/order", { packageCode: "TR-1GB-7D" })).rejects.toThrow("fetch failed")
    await expect(api.get("/orders", { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: "TimeoutError",
    })
    expect(sandbox.ledger().requests.map((request) => request.outcome)).toEqual(["dropped", "hung"])
  })

  it("POST /__sandbox/faults shortNext makes the next order answer with fewer eSIMs", async () => {
    const { api, control } = current()
    const set = await control<{ shortNext: unknown[] }>("/faults", { shortNext: { missing: 1 } })
    expect(set.body.shortNext).toEqual([{ remaining: 1, missing: 1 }])
    const order = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 3 })
    expect(order.body.esims).toHaveLength(2)
    const bad = await control<{ error: string }>("/faults", { shortNext: { missing: "x" } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/shortNext.missing/)
  })

  it("POST /__sandbox/balance sets the balance", async () => {
    const { api, control } = current()
    const set = await control<{ balance: number }>("/balance", { amount: 12.5 })
    expect(set.body).toEqual({ balance: 12.5, currency: "USD" })
    const reply = await api.get<BalanceBody>("/balance")
    expect(reply.body.data.balance).toBe(12.5)
  })

  it("POST /__sandbox/order-status moves an order to failed", async () => {
    const { api, control } = current()
    const created = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    const { orderReference } = created.body
    const set = await control("/order-status", { orderReference, status: "failed" })
    expect(set.status).toBe(200)
    const failed = await api.get<HistoryBody>("/orders?status=failed")
    expect(failed.body.data.orders).toHaveLength(1)
  })

  it("POST /__sandbox/reset clears orders, requests and faults and restores the balance", async () => {
    const { api, control, sandbox } = current()
    await api.post("/esims/order", { packageCode: "TR-1GB-7D" })
    sandbox.faults.setLatency(1000)
    sandbox.faults.failNext({ status: 500, count: 3 })
    const reset = await control("/reset", {})
    expect(reset.status).toBe(200)
    expect(sandbox.ledger()).toEqual({
      orders: [],
      requests: [],
      balance: 1000,
      currency: "USD",
      rateLimit: { limit: 1000, windowMs: 3_600_000, calls: [] },
      topups: [],
      webhooks: { url: null, events: [], secret: null, deliveries: [] },
    })
    expect(sandbox.faults.snapshot()).toMatchObject({ latencyMs: 0, failNext: [] })
    expect((await api.get("/balance")).status).toBe(200)
  })

  it("answers 400 to bad control input and 404 to unknown control routes", async () => {
    const { control } = current()
    const send = (path: string, body?: unknown) => control<{ error: string }>(path, body)
    expect((await send("/balance", { amount: "lots" })).status).toBe(400)
    expect((await send("/faults", { failNxt: {} })).body.error).toMatch(/unknown fault failNxt/)
    expect((await send("/faults", { failNext: { status: 200 } })).status).toBe(400)
    expect((await send("/faults", "[1, 2]")).status).toBe(400)
    expect((await send("/order-status", { orderReference: "nope", status: "failed" })).status).toBe(400)
    expect((await send("/nothing")).status).toBe(404)
  })
})
