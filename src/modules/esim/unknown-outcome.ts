import { OrderSummary } from "../../lib/esimfly"

/** What esimfly's order history says about a purchase whose answer was lost. */
export type Resolution =
  | { kind: "adopt"; reference: string }
  | { kind: "rebuy" }
  | { kind: "ask_by_key"; references: string[] }

export type UnknownIntent = {
  package_code: string
  last_attempt_at: Date | string | null
}

/** Another intent of the package whose answer is not stored yet (lost, or still on its way). */
export type RivalIntent = { last_attempt_at: Date | string | null }

/** How far around the lost attempt esimfly's timestamps may fall (clock skew, slow provisioning). */
export const MATCH_WINDOW_MS = 10 * 60 * 1000

/** The history window to read for an intent: around its last attempt. */
export function historyWindow(intent: UnknownIntent): { fromDate: string; toDate: string } {
  const at = new Date(intent.last_attempt_at ?? Date.now()).getTime()
  return { fromDate: new Date(at - MATCH_WINDOW_MS).toISOString(), toDate: new Date(at + MATCH_WINDOW_MS).toISOString() }
}

function nearAttempt(attempt: Date | string | null, at: number): boolean {
  if (attempt === null) {
    return true
  }
  return Math.abs(new Date(attempt).getTime() - at) <= MATCH_WINDOW_MS
}

/**
 * Decides from the complete history of the window: no unclaimed order of the package
 * proves nothing was bought; exactly one, which no other unsettled purchase of the package
 * could have made, is the lost purchase. Anything else cannot be told apart by the history,
 * so esimfly is asked by the intent's idempotency key (a committed key replays its order).
 */
export function resolveUnknownOutcome(
  intent: UnknownIntent,
  history: OrderSummary[],
  claimedReferences: Set<string>,
  rivals: RivalIntent[] = []
): Resolution {
  const { fromDate, toDate } = historyWindow(intent)
  const from = Date.parse(fromDate)
  const to = Date.parse(toDate)
  const candidates = history.filter((order) => {
    const at = Date.parse(order.createdAt ?? "")
    const inWindow = Number.isFinite(at) && at >= from && at <= to
    return order.packageCode === intent.package_code && inWindow && !claimedReferences.has(order.orderReference)
  })
  if (candidates.length === 0) {
    return { kind: "rebuy" }
  }
  const [only] = candidates
  const contested = rivals.some((rival) => nearAttempt(rival.last_attempt_at, Date.parse(only.createdAt ?? "")))
  if (candidates.length === 1 && !contested) {
    return { kind: "adopt", reference: only.orderReference }
  }
  return { kind: "ask_by_key", references: candidates.map((order) => order.orderReference) }
}
