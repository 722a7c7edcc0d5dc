import { SandboxCore } from "./core"
import { toMajor, toMinor } from "./money"
import { completeOrder } from "./order-lifecycle"
import { resetState } from "./state"
import { OrderStatus } from "./types"

const ORDER_STATUSES: readonly OrderStatus[] = ["completed", "pending_details", "failed", "cancelled"]

/** Sets the account balance, in major units of the account currency. */
export function setBalance(core: SandboxCore, amount: unknown): { balance: number; currency: string } {
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    throw new Error("amount must be a number ≥ 0")
  }
  const { currency } = core.options
  core.state.balanceMinor = toMinor(amount, currency)
  return { balance: toMajor(core.state.balanceMinor, currency), currency }
}

/** Clears orders, requests and faults and restores the opening balance. */
export function resetSandbox(core: SandboxCore): void {
  resetState(core.state, toMinor(core.options.balance, core.options.currency))
  core.faults.reset()
}

/** Moves an order to another state, e.g. to see failed or cancelled orders in GET /orders. */
export function setOrderStatus(core: SandboxCore, orderReference: unknown, status: unknown): void {
  const order =
    typeof orderReference === "string" ? core.state.ordersByReference.get(orderReference) : undefined
  if (!order) throw new Error(`no order with orderReference ${String(orderReference)}`)
  const next = ORDER_STATUSES.find((candidate) => candidate === status)
  if (!next) throw new Error(`status must be one of: ${ORDER_STATUSES.join(", ")}`)
  if (next === "completed") {
    completeOrder(core, order)
  } else {
    order.status = next
  }
}
