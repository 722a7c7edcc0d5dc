import { profitByCurrency, ProfitLine } from "../profit"

const line = (
  order_id: string,
  revenue: number,
  currency_code: string,
  cost: number,
  cost_currency_code: string,
  esims = 1,
  canceled = 0
): ProfitLine => ({ order_id, revenue, currency_code, cost, cost_currency_code, esims, canceled })

describe("profitByCurrency", () => {
  // Hand computation: USD store, USD costs: revenue 3 × 9.99 + 2 × 14.50 = 58.97; cost 2.72 × 3 + 5.50 × 2 = 19.16;
  // profit 39.81; margin 39.81 / 58.97 = 67.51 %. EUR store, USD costs: revenue 2 × 12 = 24, cost 2 × 2.72 = 5.44.
  const lines = [
    line("order_1", 29.97, "usd", 8.16, "usd", 3),
    line("order_2", 29, "usd", 11, "usd", 2),
    line("order_3", 24, "eur", 5.44, "usd", 2, 1),
  ]

  it("computes revenue, cost, profit and margin per currency and never adds currencies together", () => {
    expect(profitByCurrency(lines)).toEqual([
      {
        currency_code: "eur",
        cost_currency_code: "usd",
        revenue: 24,
        cost: 5.44,
        profit: null,
        margin_percent: null,
        exchange_rate: null,
        orders_count: 1,
        esims_count: 2,
        canceled_esims_count: 1,
      },
      {
        currency_code: "usd",
        cost_currency_code: "usd",
        revenue: 58.97,
        cost: 19.16,
        profit: 39.81,
        margin_percent: 67.51,
        exchange_rate: null,
        orders_count: 2,
        esims_count: 5,
        canceled_esims_count: 0,
      },
    ])
  })

  it("compares other currencies only with the merchant's rate, and says which", () => {
    const rate = { from: "usd", to: "eur", rate: 0.9 }
    const [eur] = profitByCurrency(lines, [rate])
    // 24 − 5.44 × 0.9 = 19.104; margin 19.104 / 24 = 79.6 %
    expect(eur).toMatchObject({ profit: 19.104, margin_percent: 79.6, exchange_rate: rate, cost: 5.44 })
  })

  it("reports nothing for no purchases", () => {
    expect(profitByCurrency([])).toEqual([])
  })
})
