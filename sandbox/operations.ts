import { restoreCatalogue } from "./catalogue-control"
import { SandboxCore } from "./core"
import { toMajor, toMinor } from "./money"
import { completeOrder } from "./order-lifecycle"
import { resetState } from "./state"
import { OrderStatus, SettableEsimState } from "./types"
import { stopWebhooks } from "./webhook-runtime"

const ORDER_STATUSES: readonly OrderStatus[] = ["completed", "pending_details", "failed", "cancelled"]
const ESIM_STATES: readonly SettableEsimState[] = ["new", "installed", "used"]

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
  restoreCatalogue(core)
  core.faults.reset()
  stopWebhooks(core.webhooks)
}

/** Moves an order to another state, e.g. to see failed or cancelled orders in GET /orders. */
export function setOrderStatus(core: SandboxCore, orderReference: unknown, status: unknown): void {
  const order = typeof orderReference === "string" ? core.state.ordersByReference.get(orderReference) : undefined
  if (!order) throw new Error(`no order with orderReference ${String(orderReference)}`)
  const next = ORDER_STATUSES.find((candidate) => candidate === status)
  if (!next) throw new Error(`status must be one of: ${ORDER_STATUSES.join(", ")}`)
  if (next === "completed") {
    completeOrder(core, order)
  } else {
    order.status = next
  }
}

/** Marks an eSIM installed or used (it then cannot be cancelled), or new again; a cancelled eSIM stays cancelled. */
export function setEsimState(core: SandboxCore, iccid: unknown, state: unknown): void {
  const esim =
    typeof iccid === "string"
      ? core.state.orders.flatMap((order) => order.esims).find((candidate) => candidate.iccid === iccid)
      : undefined
  if (!esim) throw new Error(`no eSIM with iccid ${String(iccid)}`)
  const next = ESIM_STATES.find((candidate) => candidate === state)
  if (!next) throw new Error(`state must be one of: ${ESIM_STATES.join(", ")}`)
  if (esim.state === "cancelled") throw new Error(`eSIM ${esim.iccid} is cancelled`)
  esim.state = next
}
