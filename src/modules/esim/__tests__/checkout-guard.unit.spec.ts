import { AlertState } from "../alert-state"
import { guardEsimCart, GuardInput } from "../checkout-guard"

const base: GuardInput = {
  lines: [{ package_code: "EU-5GB-30D", quantity: 2, unit_price: 20, cost: 8.5 }],
  cart_currency: "usd",
  balance: 100,
  balance_currency: "USD",
  margin_floor_percent: 10,
  exchange_rates: [],
}

describe("guardEsimCart", () => {
  it.each([
    ["a covered cart passes", {}, { ok: true, required: 17 }],
    ["a balance under the cart's cost refuses", { balance: 16.99 }, { ok: false, reason: "balance", required: 17, balance: 16.99 }],
    ["a price under the margin floor refuses", { lines: [{ package_code: "EU-5GB-30D", quantity: 1, unit_price: 9, cost: 8.5 }] }, { ok: false, reason: "margin", margin_percent: 5.56, floor_percent: 10 }],
    ["no floor, no margin check", { margin_floor_percent: null, lines: [{ package_code: "X", quantity: 1, unit_price: 1, cost: 8.5 }] }, { ok: true }],
    ["another currency is compared only with a rate", { cart_currency: "eur", lines: [{ package_code: "X", quantity: 1, unit_price: 9, cost: 8.5 }] }, { ok: true }],
    ["…and with the rate it is", { cart_currency: "eur", exchange_rates: [{ from: "usd", to: "eur", rate: 0.9 }], lines: [{ package_code: "X", quantity: 1, unit_price: 8.1, cost: 8.5 }] }, { ok: false, reason: "margin", margin_percent: 5.56 }],
    ["an unknown cost is left to the purchase", { lines: [{ package_code: "GONE", quantity: 1, unit_price: 5, cost: null }] }, { ok: true, required: 0 }],
  ])("%s", (_name, change, expected) => {
    expect(guardEsimCart({ ...base, ...(change as Partial<GuardInput>) })).toMatchObject(expected)
  })
})

describe("AlertState", () => {
  it("opens an incident once until it is resolved", () => {
    const alerts = new AlertState()
    expect(alerts.openIncident("checkout:balance")).toBe(true)
    expect(alerts.openIncident("checkout:balance")).toBe(false)
    alerts.resolveIncidents("checkout:")
    expect(alerts.openIncident("checkout:balance")).toBe(true)
  })

  it("reports a low balance only when it crosses the threshold", () => {
    const alerts = new AlertState()
    expect([120, 90, 80, 150, 40].map((b) => alerts.crossedLow(b, 100))).toEqual([false, true, false, false, true])
    expect(new AlertState().crossedLow(5, undefined)).toBe(false)
  })
})
