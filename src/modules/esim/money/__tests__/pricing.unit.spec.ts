import { parseEsimModuleOptions } from "../../options"
import { PricingRules, quotePackage, Rounding, roundPrice } from "../pricing"
import { DEFAULT_PRICING_RULES as RULES } from "../../__tests__/support/pricing-rules"

const pkg = (cost: number | null, currency: string | null = "USD", package_code = "TR-1GB-7D") => ({
  package_code,
  cost,
  currency,
})
const rules = (patch: Partial<PricingRules>): PricingRules => ({ ...RULES, ...patch })

describe("roundPrice", () => {
  it.each<[number, Rounding, number]>([
    [3.536, "none", 3.54],
    [3.531, "none", 3.53],
    [3.536, "whole", 4],
    [4, "whole", 4],
    [3.536, "0.99", 3.99],
    [3.99, "0.99", 3.99],
    [4, "0.99", 4.99],
    [0.2, "0.99", 0.99],
    // 3.99 computed as 3.0692307… × 1.3 must not jump to 4.99
    [3.0692307692307696 * 1.3, "0.99", 3.99],
    [3.536, { step: 0.5 }, 4],
    [3.5, { step: 0.5 }, 3.5],
    [12.01, { step: 5 }, 15],
    [3.536, { step: 0.05 }, 3.55],
  ])("rounds %p with %p up to %p", (amount, rounding, expected) => {
    expect(roundPrice(amount, rounding)).toBe(expected)
  })
})

describe("quotePackage", () => {
  const rates = [{ from: "usd", to: "eur", rate: 0.9 }]

  it.each<[string, PricingRules, ReturnType<typeof pkg>, object[]]>([
    // 2.72 × 1.30 = 3.536 → 3.99; margin (3.99 − 2.72) / 3.99 = 31.83 %
    [
      "the default rules",
      RULES,
      pkg(2.72),
      [
        {
          currency_code: "usd",
          amount: 3.99,
          cost: 2.72,
          margin_percent: 31.83,
          below_floor: false,
          source: "rules",
          problem: null,
        },
      ],
    ],
    // 2.72 × 1.30 + 0.50 = 4.036 → 4.99
    ["a fixed amount per currency", rules({ fixedAmount: { usd: 0.5 } }), pkg(2.72), [{ amount: 4.99 }]],
    // USD cost, EUR store: 2.72 × 0.9 = 2.448; × 1.3 = 3.1824 → 3.99; margin (3.99 − 2.448) / 3.99 = 38.65 %
    [
      "a converted cost",
      rules({ currencies: ["eur"] }),
      pkg(2.72),
      [{ currency_code: "eur", amount: 3.99, cost: 2.448, margin_percent: 38.65 }],
    ],
    [
      "no price where no rate exists",
      rules({ currencies: ["usd", "gbp"] }),
      pkg(2.72),
      [
        { currency_code: "usd", amount: 3.99 },
        {
          currency_code: "gbp",
          amount: null,
          margin_percent: null,
          below_floor: false,
          problem: 'no exchange rate from usd to gbp (option "exchangeRates")',
        },
      ],
    ],
    [
      "no price without a cost",
      RULES,
      pkg(null),
      [{ amount: null, problem: "esimfly sent no cost or currency for this package" }],
    ],
    // IQD account cost, IQD store: 3563 × 1.3 = 4631.9 → whole 4632
    [
      "a cost in another account currency",
      rules({ currencies: ["iqd"], rounding: "whole" }),
      pkg(3563, "IQD"),
      [{ currency_code: "iqd", amount: 4632 }],
    ],
    // override markup 5 %: 2.72 × 1.05 = 2.856 → none 2.86; margin 4.9 % < floor 10 %
    [
      "an override markup under the floor",
      rules({ rounding: "none", overrides: { "TR-1GB-7D": { markupPercent: 5 } } }),
      pkg(2.72),
      [{ amount: 2.86, margin_percent: 4.9, below_floor: true, source: "rules" }],
    ],
    [
      "an override fixed amount",
      rules({ rounding: "none", overrides: { "TR-1GB-7D": { fixedAmount: { usd: 1 } } } }),
      pkg(2.72),
      [{ amount: 4.54 }],
    ],
    // a fixed price is used as is (no rounding): margin (2.99 − 2.72) / 2.99 = 9.03 %
    [
      "an override price",
      rules({ overrides: { "TR-1GB-7D": { price: { usd: 2.99 } } } }),
      pkg(2.72),
      [{ amount: 2.99, margin_percent: 9.03, below_floor: true, source: "override" }],
    ],
    [
      "an override for another package",
      rules({ overrides: { "JP-1GB-7D": { price: { usd: 1 } } } }),
      pkg(2.72),
      [{ amount: 3.99, source: "rules" }],
    ],
    [
      "a price under cost",
      rules({ markupPercent: -50, rounding: "none" }),
      pkg(2),
      [{ amount: 1, margin_percent: -100, below_floor: true }],
    ],
  ])("prices with %s", (_, pricing, input, expected) => {
    const quotes = quotePackage(input, pricing, rates)
    expect(quotes).toHaveLength(expected.length)
    expected.forEach((quote, index) => expect(quotes[index]).toMatchObject(quote))
  })
})

describe("pricing options", () => {
  const base = { accessCode: "access", secretKey: "secret" }

  it("defaults to 30 % markup, .99 rounding and a 10 % floor in USD", () => {
    expect(parseEsimModuleOptions(base).pricing).toEqual(RULES)
  })

  it.each([
    [{ pricing: { markupPercent: "lots" } }, 'option "pricing.markupPercent" must be a number'],
    [{ pricing: { rounding: "0.95" } }, 'option "pricing.rounding" must be "none", "whole", "0.99"'],
    [{ pricing: { currencies: [] } }, 'option "pricing.currencies" must name at least one currency'],
    [{ pricing: { fixedAmount: { dollars: 1 } } }, 'option "pricing.fixedAmount.dollars"'],
    [{ pricing: { overrides: { X: { price: 3 } } } }, 'option "pricing.overrides.X.price"'],
    [{ pricing: { marginFloorPercent: 120 } }, 'option "pricing.marginFloorPercent"'],
    [{ catalogue: { types: ["planet"] } }, 'option "catalogue.types.0" must be "local", "regional" or "global"'],
    [{ catalogue: { countries: ["TUR"] } }, 'option "catalogue.countries.0"'],
    [{ salesChannelId: "" }, 'option "salesChannelId"'],
  ])("names the bad option in %j", (patch, message) => {
    expect(() => parseEsimModuleOptions({ ...base, ...patch })).toThrow(message)
  })

  it("accepts numeric strings and upper-case currencies", () => {
    const options = parseEsimModuleOptions({
      ...base,
      pricing: { markupPercent: "25", currencies: ["EUR"], fixedAmount: { EUR: 1 } },
    })
    expect(options.pricing).toMatchObject({ markupPercent: 25, currencies: ["eur"], fixedAmount: { eur: 1 } })
  })
})
