import { AlertState } from "../alert-state"
import { guardEsimCart, GuardInput } from "../checkout-guard"

const base: GuardInput = {
  lines: [{ package_code: "EU-5GB-30D", quantity: 2, unit_price: 20, cost: 8.5, cost_currency: "USD" }],
  cart_currency: "usd",
  balance: { amount: 100, currency: "USD" },
  margin_floor_percent: 10,
  exchange_rates: [],
}

describe("guardEsimCart", () => {
  it.each([
    ["a covered cart passes", {}, { ok: true, required: 17 }],
    [
      "a balance under the cart's cost refuses",
      { balance: { amount: 16.99, currency: "USD" } },
      { ok: false, reason: "balance", required: 17, balance: 16.99 },
    ],
    [
      "a price under the margin floor refuses",
      { lines: [{ package_code: "EU-5GB-30D", quantity: 1, unit_price: 9, cost: 8.5, cost_currency: "USD" }] },
      { ok: false, reason: "margin", margin_percent: 5.56, floor_percent: 10 },
    ],
    [
      "no floor, no margin check",
      {
        margin_floor_percent: null,
        lines: [{ package_code: "X", quantity: 1, unit_price: 1, cost: 8.5, cost_currency: "USD" }],
      },
      { ok: true },
    ],
    [
      "another currency is compared only with a rate",
      {
        cart_currency: "eur",
        lines: [{ package_code: "X", quantity: 1, unit_price: 9, cost: 8.5, cost_currency: "USD" }],
      },
      { ok: true },
    ],
    [
      "…and with the rate it is",
      {
        cart_currency: "eur",
        exchange_rates: [{ from: "usd", to: "eur", rate: 0.9 }],
        lines: [{ package_code: "X", quantity: 1, unit_price: 8.1, cost: 8.5, cost_currency: "USD" }],
      },
      { ok: false, reason: "margin", margin_percent: 5.56 },
    ],
    ["no balance to judge by: the balance is not checked", { balance: null }, { ok: true, required: 0 }],
    [
      "…but the margin still is",
      { balance: null, lines: [{ package_code: "X", quantity: 1, unit_price: 9, cost: 8.5, cost_currency: "USD" }] },
      { ok: false, reason: "margin" },
    ],
    [
      "a cost in another currency than the balance is not summed against it",
      { balance: { amount: 1, currency: "EUR" } },
      { ok: true, required: 0 },
    ],
    [
      "an unknown cost is left to the purchase",
      { lines: [{ package_code: "GONE", quantity: 1, unit_price: 5, cost: null, cost_currency: null }] },
      { ok: true, required: 0 },
    ],
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
})
