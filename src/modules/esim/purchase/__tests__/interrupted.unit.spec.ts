import { isInterruptedPurchase, purchaseInFlightMs } from "../interrupted"

describe("isInterruptedPurchase", () => {
  const options = { orderTimeoutMs: 60_000, rateLimitMaxWaitMs: 120_000 }
  const now = new Date("2026-12-03T12:00:00Z")
  const before = new Date(now.getTime() - purchaseInFlightMs(options))
  const purchasing = (agoMs: number) => ({
    id: "esord_1",
    status: "purchasing",
    history: null,
    last_attempt_at: new Date(now.getTime() - agoMs),
  })

  it("gives a claimed purchase the longest pacer wait plus the create-order timeout", () => {
    expect(purchaseInFlightMs(options)).toBe(180_000)
  })

  it.each([
    ["1 s ago: still in flight", 1_000, false],
    ["61 s ago: past the timeout but maybe still waiting for a rate-limit slot", 61_000, false],
    ["exactly the in-flight limit ago", 180_000, true],
    ["an hour ago", 3_600_000, true],
  ])("judges a purchase claimed %s", (_, agoMs, interrupted) => {
    expect(isInterruptedPurchase(purchasing(agoMs), before)).toBe(interrupted)
  })

  it("never judges an eSIM order interrupted that is not purchasing or has no attempt time", () => {
    expect(isInterruptedPurchase({ ...purchasing(3_600_000), status: "pending" }, before)).toBe(false)
    expect(isInterruptedPurchase({ ...purchasing(0), last_attempt_at: null }, before)).toBe(false)
  })
})
