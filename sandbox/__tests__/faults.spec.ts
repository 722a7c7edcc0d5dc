import { performance } from "node:perf_hooks"
import { manualClock, startSandbox, useSandbox } from "./support/harness"
import { BalanceBody, CreateOrderBody, ErrorBody, HistoryBody, OrderStatusBody } from "./support/wire"

describe("sandbox faults", () => {
  const clock = manualClock()
  const current = useSandbox(() => ({ now: clock.now }))

  it("failNext answers the next calls with the injected error, before any side effect", async () => {
    const { api, sandbox } = current()
    sandbox.faults.failNext({ count: 2, status: 503 })
    const requestId = "3b0e7c1e-4a5b-4c3d-9e8f-123456789abc"
    const first = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D" }, { requestId })
    const second = await api.get<ErrorBody>("/balance")
    expect(first.status).toBe(503)
    expect(first.body).toEqual({ success: false, code: "SERVICE_UNAVAILABLE", message: expect.any(String) })
    expect(second.status).toBe(503)
    expect(sandbox.ledger().orders).toEqual([])
    // The request id was not used up, so the same request now goes through.
    const retried = await api.post("/esims/order", { packageCode: "TR-1GB-7D" }, { requestId })
    expect(retried.status).toBe(200)
    const outcomes = sandbox.ledger().requests.map((request) => request.outcome)
    expect(outcomes).toEqual(["rejected", "rejected", "answered"])
  })

  it("failNext can target one path and method with a chosen code and message", async () => {
    const { api, sandbox } = current()
    sandbox.faults.failNext({
      status: 500,
      path: "/esims/order",
      method: "POST",
      code: "ORDER_PROCESSING_ERROR",
      message: "Failed to process order",
    })
    expect((await api.get("/balance")).status).toBe(200)
    expect((await api.get("/esims/order?orderReference=order_1_aaaaa")).status).toBe(404)
    const failed = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    expect(failed.status).toBe(500)
    expect(failed.body).toEqual({
      success: false,
      code: "ORDER_PROCESSING_ERROR",
      message: "Failed to process order",
    })
    expect((await api.post("/esims/order", { packageCode: "TR-1GB-7D" })).status).toBe(200)
  })

  it("dropReplyNext commits the order, then cuts the socket without a reply", async () => {
    const { api, sandbox } = current()
    sandbox.faults.dropReplyNext({ path: "/esims/order" })
    const order = { packageCode: "TR-1GB-7D", idempotency_key: "lost" }
    await expect(api.post("/esims/order", order)).rejects.toThrow("fetch failed")
    const ledger = sandbox.ledger()
    expect(ledger.orders).toHaveLength(1)
    expect(ledger.orders[0]).toMatchObject({ idempotencyKey: "lost", status: "completed" })
    expect(ledger.balance).toBe(997.28)
    expect(ledger.requests.at(-1)).toMatchObject({ method: "POST", status: 200, outcome: "dropped" })
    // A client can find out what happened: the order is in the history, and the key replays it.
    const history = await api.get<HistoryBody>("/orders")
    const { orderReference } = ledger.orders[0]
    expect(history.body.data.orders.map((row) => row.order_reference)).toEqual([orderReference])
    const replay = await api.post<CreateOrderBody>("/esims/order", order)
    expect(replay.body).toMatchObject({ duplicate: true, orderReference })
  })

  it("hangNext never answers and has no side effect", async () => {
    const { api, sandbox } = current()
    sandbox.faults.hangNext({ count: 1 })
    const hung = api.post("/esims/order", { packageCode: "TR-1GB-7D" }, { signal: AbortSignal.timeout(200) })
    await expect(hung).rejects.toMatchObject({ name: "TimeoutError" })
    expect(sandbox.ledger().orders).toEqual([])
    expect(sandbox.ledger().requests).toEqual([expect.objectContaining({ status: null, outcome: "hung" })])
    expect((await api.get("/balance")).status).toBe(200)
  })

  it("answers 429 with headers once the limit is used up, until the window resets", async () => {
    const { api, sandbox } = current()
    sandbox.faults.setRateLimit({ limit: 2, windowMs: 60_000 })
    const reset = String(Math.ceil((clock.now() + 60_000) / 1000))
    const first = await api.get("/balance")
    const second = await api.get("/balance")
    const third = await api.get<ErrorBody>("/balance")
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1")
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0")
    expect(third.status).toBe(429)
    expect(third.body).toMatchObject({ success: false, code: "RATE_LIMIT_EXCEEDED" })
    expect(third.headers.get("retry-after")).toBe("60")
    expect(third.headers.get("x-ratelimit-limit")).toBe("2")
    expect(third.headers.get("x-ratelimit-remaining")).toBe("0")
    expect(third.headers.get("x-ratelimit-reset")).toBe(reset)
    clock.advance(60_000)
    const after = await api.get("/balance")
    expect(after.status).toBe(200)
    expect(after.headers.get("x-ratelimit-remaining")).toBe("1")
  })

  it("setRateLimit(null) restores the documented 1000 per hour", async () => {
    const { api, sandbox } = current()
    sandbox.faults.setRateLimit({ limit: 0, windowMs: 1000 })
    expect((await api.get("/balance")).status).toBe(429)
    sandbox.faults.setRateLimit(null)
    const reply = await api.get("/balance")
    expect(reply.status).toBe(200)
    expect(reply.headers.get("x-ratelimit-limit")).toBe("1000")
  })

  it("delays answers by the configured latency", async () => {
    const { api, sandbox } = current()
    sandbox.faults.setLatency(150)
    const started = performance.now()
    const reply = await api.get<BalanceBody>("/balance")
    expect(reply.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it("reset() clears every fault", async () => {
    const { api, sandbox } = current()
    sandbox.faults.failNext({ status: 500, count: 5 })
    sandbox.faults.hangNext({ count: 5 })
    sandbox.faults.setLatency(5_000)
    sandbox.faults.setRateLimit({ limit: 0, windowMs: 1000 })
    sandbox.faults.stayPending("TR-1GB-7D")
    sandbox.faults.shortNext({ count: 3 })
    sandbox.faults.webhookNext({ kind: "drop", count: 2 })
    sandbox.faults.reset()
    expect(sandbox.faults.snapshot()).toEqual({
      latencyMs: 0,
      failNext: [],
      hangNext: [],
      dropReplyNext: [],
      rateLimit: { limit: 1000, windowMs: 3_600_000 },
      stayPending: [],
      shortNext: [],
      chaos: null,
      webhookNext: [],
    })
    const order = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D" })
    expect(order.body.status).toBe("completed")
  })

  it("rejects nonsense fault settings", () => {
    const { faults } = current().sandbox
    expect(() => faults.failNext({ status: 200 })).toThrow(/status/)
    expect(() => faults.hangNext({ count: 0 })).toThrow(/count/)
    expect(() => faults.setLatency(-1)).toThrow(/latency/)
    expect(() => faults.setRateLimit({ limit: -1, windowMs: 10 })).toThrow(/rateLimit/)
    expect(() => faults.shortNext({ missing: 0 })).toThrow(/shortNext.missing/)
    expect(() => faults.shortNext({ count: 1.5 })).toThrow(/shortNext.count/)
  })

  it("shortNext charges the next order in full but answers and keeps fewer eSIMs than ordered", async () => {
    const { api, sandbox } = current()
    sandbox.faults.shortNext()
    const short = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 3 })
    expect(short.body).toMatchObject({ status: "completed", amount: 8.16 })
    expect(short.body.esims).toHaveLength(2)
    const status = await api.get<OrderStatusBody>(`/esims/order?orderReference=${short.body.orderReference}`)
    expect(status.body.order.esims).toHaveLength(2)
    const full = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 3 })
    expect(full.body.esims).toHaveLength(3)
    const [first, second] = sandbox.ledger().orders
    expect([first.quantity, first.esims.length, second.esims.length]).toEqual([3, 2, 3])
    expect(sandbox.ledger().balance).toBe(1000 - 2 * 8.16)
  })

  it("shortNext leaves out `missing` eSIMs, keeps at least one, and applies to a pending order once it completes", async () => {
    const { api, sandbox } = current()
    sandbox.faults.shortNext({ count: 2, missing: 5 })
    expect(sandbox.faults.snapshot().shortNext).toEqual([{ remaining: 2, missing: 5 }])
    const one = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D", quantity: 3 })
    expect(one.body.esims).toHaveLength(1)
    const pending = await api.post<CreateOrderBody>("/esims/order", { packageCode: "TR-1GB-7D-SLOW", quantity: 3 })
    expect(pending.body.status).toBe("pending_details")
    const reference = pending.body.orderReference
    for (let poll = 0; poll < 3; poll++) {
      await api.get<OrderStatusBody>(`/esims/order?orderReference=${reference}`)
    }
    const done = await api.get<OrderStatusBody>(`/esims/order?orderReference=${reference}`)
    expect(done.body.order).toMatchObject({ status: "completed" })
    expect(done.body.order.esims).toHaveLength(1)
    expect(sandbox.faults.snapshot().shortNext).toEqual([])
  })
})

describe("closing the sandbox", () => {
  it("ends hung requests, so the caller sees a socket error and nothing is left open", async () => {
    const { api, sandbox } = await startSandbox()
    sandbox.faults.hangNext()
    const hung = api.get("/balance")
    await new Promise((resolve) => setTimeout(resolve, 50))
    await sandbox.close()
    await expect(hung).rejects.toThrow("fetch failed")
  })
})
