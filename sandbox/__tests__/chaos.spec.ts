import { performance } from "node:perf_hooks"
import { CHAOS_KINDS, ChaosKind, parseChaos, SandboxChaos } from "../chaos"
import { createSandbox, FaultSnapshot, SandboxLedger } from "../index"
import { useSandbox } from "./support/harness"
import { BalanceBody, CreateOrderBody, ErrorBody } from "./support/wire"

const draws = (seed: number, rate: number, count: number) => {
  const chaos = new SandboxChaos(parseChaos({ rate, seed }))
  return Array.from({ length: count }, () => chaos.draw())
}

describe("sandbox chaos: the random sequence", () => {
  it("hits about the configured share of calls, spread over every kind", () => {
    const hits = draws(42, 0.2, 10_000).filter((hit) => hit !== null)
    expect(hits.length / 10_000).toBeGreaterThan(0.18)
    expect(hits.length / 10_000).toBeLessThan(0.22)
    for (const kind of CHAOS_KINDS) {
      const share = hits.filter((hit) => hit?.kind === kind).length / hits.length
      expect(share).toBeGreaterThan(0.2)
      expect(share).toBeLessThan(0.3)
    }
  })

  it("repeats the same faults for the same seed, and others for another seed", () => {
    expect(draws(7, 0.3, 200)).toEqual(draws(7, 0.3, 200))
    expect(draws(8, 0.3, 200)).not.toEqual(draws(7, 0.3, 200))
  })

  it("never hits at rate 0 and always at rate 1", () => {
    expect(draws(1, 0, 500).every((hit) => hit === null)).toBe(true)
    expect(draws(1, 1, 500).every((hit) => hit !== null)).toBe(true)
  })
})

describe("sandbox chaos over HTTP", () => {
  const current = useSandbox()
  const requestId = "5c0e7c1e-4a5b-4c3d-9e8f-123456789abc"

  const only = (kind: ChaosKind, extra: { maxLatencyMs?: number } = {}) =>
    current().sandbox.faults.setChaos({ rate: 1, seed: 3, kinds: [kind], ...extra })

  it("honours the rate over many calls and traces each hit in the ledger", async () => {
    const { api, sandbox } = current()
    sandbox.faults.setChaos({ rate: 0.2, seed: 42, kinds: ["latency"], maxLatencyMs: 0 })
    for (let i = 0; i < 300; i++) await api.get("/balance")
    const hit = sandbox.ledger().requests.filter((request) => request.chaos === "latency")
    expect(hit.length).toBeGreaterThan(300 * 0.12)
    expect(hit.length).toBeLessThan(300 * 0.28)
    expect(sandbox.faults.snapshot().chaos).toMatchObject({ calls: 300, hits: { latency: hit.length, drop: 0 } })
  })

  it("answers a 5xx before any side effect: no order, no charge, the request id unused", async () => {
    const { api, sandbox } = current()
    only("5xx")
    const order = { packageCode: "TR-1GB-7D", idempotency_key: "k-5xx" }
    const failed = await api.post<ErrorBody>("/esims/order", order, { requestId })
    expect([500, 502, 503, 504]).toContain(failed.status)
    expect(failed.body).toEqual({ success: false, code: expect.any(String), message: expect.stringContaining("chaos") })
    expect(sandbox.ledger()).toMatchObject({ orders: [], balance: 1000 })
    expect(sandbox.ledger().requests).toEqual([expect.objectContaining({ chaos: "5xx", outcome: "rejected" })])
    sandbox.faults.setChaos(null)
    const retried = await api.post<CreateOrderBody>("/esims/order", order, { requestId })
    expect(retried.status).toBe(200)
    expect(retried.body.duplicate).toBeUndefined()
  })

  it("answers a 429 with Retry-After and the rate-limit headers, before any side effect", async () => {
    const { api, sandbox } = current()
    only("429")
    const limited = await api.post<ErrorBody>("/esims/order", { packageCode: "TR-1GB-7D" }, { requestId })
    expect(limited.status).toBe(429)
    expect(limited.body.code).toBe("RATE_LIMIT_EXCEEDED")
    expect(limited.headers.get("retry-after")).toBe("1")
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("1000")
    expect(sandbox.ledger().orders).toEqual([])
    sandbox.faults.setChaos(null)
    expect((await api.post("/esims/order", { packageCode: "TR-1GB-7D" }, { requestId })).status).toBe(200)
  })

  it("drops the reply after the order is committed and charged", async () => {
    const { api, sandbox } = current()
    only("drop")
    const order = { packageCode: "TR-1GB-7D", idempotency_key: "k-drop" }
    await expect(api.post("/esims/order", order)).rejects.toThrow("fetch failed")
    const ledger = sandbox.ledger()
    expect(ledger.orders).toEqual([expect.objectContaining({ idempotencyKey: "k-drop", status: "completed" })])
    expect(ledger.balance).toBe(997.28)
    expect(ledger.requests).toEqual([expect.objectContaining({ status: 200, outcome: "dropped", chaos: "drop" })])
    sandbox.faults.setChaos(null)
    const replay = await api.post<CreateOrderBody>("/esims/order", order)
    expect(replay.body).toMatchObject({ duplicate: true, orderReference: ledger.orders[0].orderReference })
  })

  it("delays a latency hit by at most maxLatencyMs and still answers", async () => {
    const { api } = current()
    only("latency", { maxLatencyMs: 200 })
    const elapsed: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      expect((await api.get<BalanceBody>("/balance")).status).toBe(200)
      elapsed.push(performance.now() - started)
    }
    expect(Math.max(...elapsed)).toBeGreaterThan(50)
    expect(Math.max(...elapsed)).toBeLessThan(200 + 150)
  })

  it("leaves the control routes alone and lets queued faults go first", async () => {
    const { api, control, sandbox } = current()
    only("drop")
    expect((await control("/ledger")).status).toBe(200)
    expect((await control("/balance", { amount: 50 })).status).toBe(200)
    expect((await control("/faults")).status).toBe(200)
    sandbox.faults.failNext({ status: 502 })
    expect((await api.get("/balance")).status).toBe(502)
    expect(sandbox.faults.snapshot().chaos).toMatchObject({ calls: 0, hits: { drop: 0 } })
  })

  it("is set, shown and turned off through POST /__sandbox/faults", async () => {
    const { control } = current()
    const set = await control<FaultSnapshot>("/faults", { chaos: { rate: 0.5, seed: 9 } })
    expect(set.status).toBe(200)
    expect(set.body.chaos).toEqual({
      rate: 0.5,
      seed: 9,
      kinds: ["latency", "5xx", "429", "drop"],
      maxLatencyMs: 300,
      calls: 0,
      hits: { latency: 0, "5xx": 0, "429": 0, drop: 0 },
    })
    const off = await control<FaultSnapshot>("/faults", { chaos: null })
    expect(off.body.chaos).toBeNull()
  })

  it.each([
    [{ rate: 2 }, "chaos.rate must be a number from 0 to 1"],
    [{ seed: 4 }, "chaos.rate must be a number from 0 to 1"],
    [{ rate: 0.1, seed: 1.5 }, "chaos.seed must be an integer"],
    [{ rate: 0.1, kinds: ["boom"] }, "chaos.kinds must be a non-empty list of latency, 5xx, 429, drop"],
    [{ rate: 0.1, kinds: [] }, "chaos.kinds must be a non-empty list"],
    [{ rate: 0.1, maxLatencyMs: -1 }, "chaos.maxLatencyMs must be a number ≥ 0"],
    [{ rate: 0.1, burst: true }, "chaos has unknown field burst"],
    ["lots", "chaos must be an object"],
  ])("refuses chaos %j with a message naming the field", async (chaos, message) => {
    const { control, sandbox } = current()
    const refused = await control<{ error: string }>("/faults", { chaos })
    expect(refused.status).toBe(400)
    expect(refused.body.error).toContain(message)
    expect(sandbox.faults.snapshot().chaos).toBeNull()
  })

  it("is turned off by reset, through the object API and the control route", async () => {
    const { control, sandbox } = current()
    sandbox.faults.setChaos({ rate: 0.2 })
    sandbox.faults.reset()
    expect(sandbox.faults.snapshot().chaos).toBeNull()
    sandbox.faults.setChaos({ rate: 0.2 })
    await control("/reset", {})
    expect(sandbox.faults.snapshot().chaos).toBeNull()
    expect((await control<SandboxLedger>("/ledger")).body.requests).toEqual([])
  })
})

describe("the chaos sandbox option", () => {
  it("starts the sandbox with chaos, and reset starts its sequence over", async () => {
    const sandbox = createSandbox({ chaos: { rate: 0.25, seed: 5, kinds: ["429"] } })
    expect(sandbox.faults.snapshot().chaos).toMatchObject({ rate: 0.25, seed: 5, kinds: ["429"], calls: 0 })
    sandbox.faults.setChaos(null)
    sandbox.reset()
    expect(sandbox.faults.snapshot().chaos).toMatchObject({ rate: 0.25, seed: 5, calls: 0 })
  })

  it("names the bad field", () => {
    expect(() => createSandbox({ chaos: { rate: 3 } })).toThrow(
      'esimfly sandbox: option "chaos.rate" must be a number from 0 to 1'
    )
  })
})
