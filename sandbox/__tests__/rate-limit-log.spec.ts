import { SandboxLedgerWithRateLimit } from "../ledger"
import { manualClock, useSandbox } from "./support/harness"

describe("the rate limiter's log in the ledger", () => {
  const clock = manualClock()
  const current = useSandbox(() => ({ now: clock.now }))
  const ledgerOf = async (): Promise<SandboxLedgerWithRateLimit> =>
    (await current().control<SandboxLedgerWithRateLimit>("/ledger")).body

  it("records each counted call's arrival time, verdict and window since the limit was set", async () => {
    const { api, sandbox } = current()
    await api.get("/balance")
    sandbox.faults.setRateLimit({ limit: 2, windowMs: 10_000 })
    const start = clock.now()
    await api.get("/balance")
    clock.advance(1500)
    await api.get("/balance")
    await api.get("/balance")
    clock.advance(8500)
    await api.post("/esims/order", { packageCode: "TR-1GB-7D" })

    const { rateLimit } = await ledgerOf()
    const at = (ms: number) => new Date(start + ms).toISOString()
    expect(rateLimit).toEqual({
      limit: 2,
      windowMs: 10_000,
      calls: [
        { at: at(0), allowed: true, window: 1 },
        { at: at(1500), allowed: true, window: 1 },
        { at: at(1500), allowed: false, window: 1 },
        { at: at(10_000), allowed: true, window: 2 },
      ],
    })
  })

  it("leaves out calls that never reached the limiter (auth failures, injected faults)", async () => {
    const { api, sandbox } = current()
    sandbox.faults.failNext({ status: 503 })
    await api.get("/balance")
    await api.get("/balance", { accessCode: "esf_unknown" })
    await api.get("/balance")

    const ledger = await ledgerOf()
    expect(ledger.requests).toHaveLength(3)
    expect(ledger.rateLimit.calls).toEqual([expect.objectContaining({ allowed: true, window: 1 })])
    expect(sandbox.ledger()).toEqual(ledger)
  })

  it("starts over when the sandbox is reset", async () => {
    const { api, sandbox } = current()
    await api.get("/balance")
    sandbox.reset()
    expect((await ledgerOf()).rateLimit).toEqual({ limit: 1000, windowMs: 3_600_000, calls: [] })
  })
})
