import { ExchangeRate } from "./profit"

/** One eSIM line of a cart, with what esimfly charges per eSIM. */
export type GuardLine = {
  package_code: string
  quantity: number
  unit_price: number
  cost: number | null
}

export type GuardInput = {
  lines: GuardLine[]
  cart_currency: string
  balance: number
  balance_currency: string
  margin_floor_percent: number | null
  exchange_rates: ExchangeRate[]
}

export type GuardVerdict =
  | { ok: true; required: number }
  | { ok: false; reason: "balance"; required: number; balance: number; currency: string }
  | { ok: false; reason: "margin"; package_code: string; margin_percent: number; floor_percent: number }

const round = (value: number) => Math.round(value * 100) / 100

function costInCartCurrency(cost: number, input: GuardInput): number | null {
  const from = input.balance_currency.toLowerCase()
  const to = input.cart_currency.toLowerCase()
  if (from === to) {
    return cost
  }
  const rate = input.exchange_rates.find((r) => r.from === from && r.to === to)
  return rate ? cost * rate.rate : null
}

function marginProblem(input: GuardInput): GuardVerdict | null {
  const floor = input.margin_floor_percent
  if (floor === null) {
    return null
  }
  for (const line of input.lines) {
    const cost = line.cost === null ? null : costInCartCurrency(line.cost, input)
    // Without a merchant-set rate the two currencies cannot be compared, so no margin is claimed.
    if (cost === null || line.unit_price <= 0) {
      continue
    }
    const margin = ((line.unit_price - cost) / line.unit_price) * 100
    if (margin < floor) {
      return { ok: false, reason: "margin", package_code: line.package_code, margin_percent: round(margin), floor_percent: floor }
    }
  }
  return null
}

/**
 * Decides, before payment, whether a cart's eSIMs can be bought at a margin the merchant
 * accepts. A line whose cost is unknown (a package esimfly no longer lists) is not guarded
 * here: its purchase fails on its own line, visibly.
 */
export function guardEsimCart(input: GuardInput): GuardVerdict {
  const required = round(input.lines.reduce((sum, line) => sum + (line.cost ?? 0) * line.quantity, 0))
  if (input.balance < required) {
    return { ok: false, reason: "balance", required, balance: input.balance, currency: input.balance_currency }
  }
  return marginProblem(input) ?? { ok: true, required }
}

/** What the shopper reads: clear, and nothing about the merchant's wholesale account. */
export function shopperMessage(): string {
  return "Your eSIMs cannot be delivered right now, so this order was not placed and you have not been charged. Please try again later."
}
