import { toTopUpOffers, TopUpPackage } from ".."
import { DEFAULT_PRICING_RULES } from "../../__tests__/support/pricing-rules"

const pkg = (over: Partial<TopUpPackage> = {}): TopUpPackage => ({
  packageCode: "TR-3GB-15D",
  name: "Turkey 3GB",
  dataAmountGb: 3,
  validityDays: 15,
  cost: 4.2,
  currency: "USD",
  isUnlimited: false,
  ...over,
})

describe("toTopUpOffers", () => {
  it("prices a package with the catalogue's rules (cost × 1.3, rounded up to .99) and gives its data in MB", () => {
    expect(toTopUpOffers([pkg()], "USD", DEFAULT_PRICING_RULES, [])).toEqual([
      {
        package_code: "TR-3GB-15D",
        package_name: "Turkey 3GB",
        data_mb: 3072,
        validity_days: 15,
        is_unlimited: false,
        price: 5.99,
        currency_code: "usd",
      },
    ])
  })

  it("uses a per-package override's fixed price in that currency", () => {
    const rules = { ...DEFAULT_PRICING_RULES, overrides: { "TR-3GB-15D": { price: { usd: 9.5 } } } }
    expect(toTopUpOffers([pkg()], "usd", rules, [])[0].price).toBe(9.5)
  })

  it("converts the cost with the merchant's exchange rate into the cart's currency", () => {
    const offers = toTopUpOffers([pkg({ cost: 10 })], "eur", DEFAULT_PRICING_RULES, [
      { from: "usd", to: "eur", rate: 0.5 },
    ])
    expect(offers[0]).toMatchObject({ price: 6.99, currency_code: "eur" })
  })

  it("leaves out a package it cannot price: no cost, or no exchange rate to the currency", () => {
    const packages = [pkg({ packageCode: "A", cost: null }), pkg({ packageCode: "B" })]
    expect(toTopUpOffers(packages, "usd", DEFAULT_PRICING_RULES, []).map((o) => o.package_code)).toEqual(["B"])
    expect(toTopUpOffers(packages, "gbp", DEFAULT_PRICING_RULES, [])).toEqual([])
  })
})
