import type { EsimOrderRow } from "../models/esim-order"
import { OrderStatus, OrderSummary } from "../../../lib/esimfly"
import { EsimOrderHistory } from "./history"

/** What esimfly's order history says about a purchase whose answer was lost. */
export type Resolution =
  | { kind: "adopt"; reference: string }
  | { kind: "rebuy" }
  | { kind: "ask_by_key"; references: string[]; reason: string }

export type UnknownEsimOrder = Pick<EsimOrderRow, "package_code" | "quantity" | "last_attempt_at" | "history">

/** Another eSIM order of the package whose answer is not stored yet (lost, or still on its way). */
export type RivalEsimOrder = Pick<EsimOrderRow, "last_attempt_at">

/** How far around the lost attempt esimfly's timestamps may fall (clock skew, slow provisioning). */
export const MATCH_WINDOW_MS = 10 * 60 * 1000

/** The history window to read for an eSIM order: around its last attempt. */
export function historyWindow(esimOrder: UnknownEsimOrder): { fromDate: string; toDate: string } {
  const at = new Date(esimOrder.last_attempt_at ?? Date.now()).getTime()
  return {
    fromDate: new Date(at - MATCH_WINDOW_MS).toISOString(),
    toDate: new Date(at + MATCH_WINDOW_MS).toISOString(),
  }
}

/** When the eSIM order first sent its create-order: its earliest `purchasing` event, else its last attempt. */
export function firstAttemptAt(esimOrder: Pick<UnknownEsimOrder, "last_attempt_at" | "history">): number | null {
  const events = (esimOrder.history as Partial<EsimOrderHistory> | null)?.events
  const sent = (Array.isArray(events) ? events : [])
    .filter((event) => event?.type === "purchasing")
    .map((event) => Date.parse(event.at))
    .filter(Number.isFinite)
  const last = esimOrder.last_attempt_at === null ? Number.NaN : new Date(esimOrder.last_attempt_at).getTime()
  const all = Number.isFinite(last) ? [...sent, last] : sent
  return all.length ? Math.min(...all) : null
}

function nearAttempt(attempt: Date | string | null, at: number): boolean {
  if (attempt === null) {
    return true
  }
  return Math.abs(new Date(attempt).getTime() - at) <= MATCH_WINDOW_MS
}

function askByKey(candidates: OrderSummary[], reason: string): Resolution {
  return { kind: "ask_by_key", references: candidates.map((order) => order.orderReference), reason }
}

/**
 * Decides from the complete history of the window: no unclaimed order of the package
 * proves nothing was bought; exactly one, made after the eSIM order was first sent and which
 * no other unsettled purchase of the package could have made, may be the lost purchase
 * (confirmAdoption then compares its eSIMs). Anything else cannot be told apart by the
 * history, so esimfly is asked by the eSIM order's idempotency key (a committed key replays its order).
 */
export function resolveUnknownOutcome(
  esimOrder: UnknownEsimOrder,
  history: OrderSummary[],
  claimedReferences: Set<string>,
  rivals: RivalEsimOrder[] = []
): Resolution {
  const { fromDate, toDate } = historyWindow(esimOrder)
  const from = Date.parse(fromDate)
  const to = Date.parse(toDate)
  const candidates = history.filter((order) => {
    const at = Date.parse(order.createdAt ?? "")
    const inWindow = Number.isFinite(at) && at >= from && at <= to
    return order.packageCode === esimOrder.package_code && inWindow && !claimedReferences.has(order.orderReference)
  })
  if (candidates.length === 0) {
    return { kind: "rebuy" }
  }
  const first = firstAttemptAt(esimOrder)
  const older = candidates.filter((order) => first === null || Date.parse(order.createdAt ?? "") < first)
  if (older.length) {
    return askByKey(
      candidates,
      `${older.map((o) => o.orderReference).join(", ")} was made before this purchase was first sent`
    )
  }
  if (candidates.length > 1) {
    return askByKey(candidates, "several orders of the package could be this purchase")
  }
  const [only] = candidates
  if (rivals.some((rival) => nearAttempt(rival.last_attempt_at, Date.parse(only.createdAt ?? "")))) {
    return askByKey(candidates, "another unsettled purchase of the package could have made it")
  }
  return { kind: "adopt", reference: only.orderReference }
}

/** The one candidate is adopted only with the eSIM order's package and exactly its quantity of eSIMs. */
export function confirmAdoption(
  esimOrder: Pick<UnknownEsimOrder, "package_code" | "quantity">,
  order: OrderStatus
): Resolution {
  const references = [order.orderReference]
  if (order.packageCode !== null && order.packageCode !== esimOrder.package_code) {
    return { kind: "ask_by_key", references, reason: `${order.orderReference} is of package ${order.packageCode}` }
  }
  if (order.pending || order.esims.length === 0) {
    const reason = `${order.orderReference} has no eSIMs yet, so its quantity cannot be compared`
    return { kind: "ask_by_key", references, reason }
  }
  if (order.esims.length !== esimOrder.quantity) {
    const reason = `${order.orderReference} has ${order.esims.length} eSIM(s), this purchase is for ${esimOrder.quantity}`
    return { kind: "ask_by_key", references, reason }
  }
  return { kind: "adopt", reference: order.orderReference }
}
