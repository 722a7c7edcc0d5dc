/** One bought batch: what the shopper paid for it and what esimfly charged. */
export type ProfitLine = {
  order_id: string
  revenue: number
  currency_code: string
  cost: number | null
  cost_currency_code: string | null
  esims: number
  /** eSIMs of the batch canceled at esimfly: refunded to the balance, and out of revenue and cost. */
  canceled: number
}

export type ExchangeRate = { from: string; to: string; rate: number }

export type ProfitRow = {
  currency_code: string
  cost_currency_code: string
  revenue: number
  cost: number
  profit: number | null
  margin_percent: number | null
  exchange_rate: ExchangeRate | null
  orders_count: number
  esims_count: number
  canceled_esims_count: number
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits

function rateFor(from: string, to: string, rates: ExchangeRate[]): ExchangeRate | null {
  return from === to ? null : (rates.find((rate) => rate.from === from && rate.to === to) ?? null)
}

function toRow(lines: ProfitLine[], rates: ExchangeRate[]): ProfitRow {
  const { currency_code, cost_currency_code } = lines[0] as ProfitLine & { cost_currency_code: string }
  const revenue = round(lines.reduce((sum, line) => sum + line.revenue, 0))
  const cost = round(lines.reduce((sum, line) => sum + (line.cost ?? 0), 0))
  const rate = rateFor(cost_currency_code, currency_code, rates)
  // Amounts in different currencies are only compared with a rate the merchant set.
  const comparable = cost_currency_code === currency_code || rate !== null
  const costInRevenueCurrency = rate ? cost * rate.rate : cost
  const profit = comparable ? round(revenue - costInRevenueCurrency) : null
  return {
    currency_code,
    cost_currency_code,
    revenue,
    cost,
    profit,
    margin_percent: profit !== null && revenue > 0 ? round((profit / revenue) * 100, 2) : null,
    exchange_rate: rate,
    orders_count: new Set(lines.map((line) => line.order_id)).size,
    esims_count: lines.reduce((sum, line) => sum + line.esims, 0),
    canceled_esims_count: lines.reduce((sum, line) => sum + line.canceled, 0),
  }
}

/** Revenue, cost, profit and margin per (store currency, esimfly currency) pair; never summed across currencies. */
export function profitByCurrency(lines: ProfitLine[], rates: ExchangeRate[] = []): ProfitRow[] {
  const groups = new Map<string, ProfitLine[]>()
  for (const line of lines) {
    const key = `${line.currency_code}/${line.cost_currency_code ?? line.currency_code}`
    const normalised = { ...line, cost_currency_code: line.cost_currency_code ?? line.currency_code }
    groups.set(key, [...(groups.get(key) ?? []), normalised])
  }
  return [...groups.keys()].sort().map((key) => toRow(groups.get(key) ?? [], rates))
}
