import { ExchangeRate } from "./profit"

/** One eSIM line of a cart, with what esimfly charges per eSIM (null: no fresh mirrored cost). */
export type GuardLine = {
  package_code: string
  quantity: number
  unit_price: number
  cost: number | null
  cost_currency: string | null
}

export type GuardInput = {
  lines: GuardLine[]
  cart_currency: string
  /** The mirrored balance, or null when it is missing or too old to judge by. */
  balance: { amount: number; currency: string } | null
  margin_floor_percent: number | null
  exchange_rates: ExchangeRate[]
}

export type GuardVerdict =
  | { ok: true; required: number }
  | { ok: false; reason: "balance"; required: number; balance: number; currency: string }
  | { ok: false; reason: "margin"; package_code: string; margin_percent: number; floor_percent: number }

/**
 * What the guard judged by, recorded on the cart: the balance was checked, or why not
 * (no mirror yet, or older than `guardBalanceMaxAgeMs`), and which codes had no fresh cost.
 */
export type GuardNote = { balance: "checked" | "missing" | "stale"; balance_read_at: string | null; unpriced: string[] }

const round = (value: number) => Math.round(value * 100) / 100

function costInCartCurrency(line: GuardLine, input: GuardInput): number | null {
  if (line.cost === null || !line.cost_currency) {
    return null
  }
  const from = line.cost_currency.toLowerCase()
  const to = input.cart_currency.toLowerCase()
  if (from === to) {
    return line.cost
  }
  const rate = input.exchange_rates.find((r) => r.from === from && r.to === to)
  return rate ? line.cost * rate.rate : null
}

function marginProblem(input: GuardInput): GuardVerdict | null {
  const floor = input.margin_floor_percent
  if (floor === null) {
    return null
  }
  for (const line of input.lines) {
    const cost = costInCartCurrency(line, input)
    // Without a merchant-set rate the two currencies cannot be compared, so no margin is claimed.
    if (cost === null || line.unit_price <= 0) {
      continue
    }
    const margin = ((line.unit_price - cost) / line.unit_price) * 100
    if (margin < floor) {
      return {
        ok: false,
        reason: "margin",
        package_code: line.package_code,
        margin_percent: round(margin),
        floor_percent: floor,
      }
    }
  }
  return null
}

/** What the cart's eSIMs cost in the balance's currency; lines of unknown cost count nothing. */
function requiredBalance(input: GuardInput): number {
  const currency = input.balance?.currency.toLowerCase()
  const costs = input.lines.map((line) =>
    line.cost !== null && line.cost_currency?.toLowerCase() === currency ? line.cost * line.quantity : 0
  )
  return round(costs.reduce((sum, cost) => sum + cost, 0))
}

/**
 * Decides, before payment, whether a cart's eSIMs can be bought at a margin the merchant
 * accepts. A line of unknown cost, or a cart with no balance to judge by, is not refused
 * here: its purchase holds visibly if esimfly then refuses it.
 */
export function guardEsimCart(input: GuardInput): GuardVerdict {
  const required = requiredBalance(input)
  if (input.balance && input.balance.amount < required) {
    return { ok: false, reason: "balance", required, balance: input.balance.amount, currency: input.balance.currency }
  }
  return marginProblem(input) ?? { ok: true, required }
}

/** What the shopper reads: clear, and nothing about the merchant's wholesale account. */
export function shopperMessage(): string {
  return "Your eSIMs cannot be delivered right now, so this order was not placed and you have not been charged. Please try again later."
}
