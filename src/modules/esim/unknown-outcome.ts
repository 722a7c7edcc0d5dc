import { OrderSummary } from "../../lib/esimfly"

/** What esimfly's order history says about a purchase whose answer was lost. */
export type Resolution =
  | { kind: "adopt"; reference: string }
  | { kind: "rebuy" }
  | { kind: "ambiguous"; references: string[] }

export type UnknownIntent = {
  package_code: string
  last_attempt_at: Date | string | null
}

/** How far around the lost attempt esimfly's timestamps may fall (clock skew, slow provisioning). */
export const MATCH_WINDOW_MS = 10 * 60 * 1000

/** The history window to read for an intent: around its last attempt. */
export function historyWindow(intent: UnknownIntent): { fromDate: string; toDate: string } {
  const at = new Date(intent.last_attempt_at ?? Date.now()).getTime()
  return { fromDate: new Date(at - MATCH_WINDOW_MS).toISOString(), toDate: new Date(at + MATCH_WINDOW_MS).toISOString() }
}

/**
 * Decides from the complete history of the window: one unclaimed order of the same
 * package is the lost purchase; none proves nothing was bought; several need a person.
 */
export function resolveUnknownOutcome(
  intent: UnknownIntent,
  history: OrderSummary[],
  claimedReferences: Set<string>
): Resolution {
  const { fromDate, toDate } = historyWindow(intent)
  const from = Date.parse(fromDate)
  const to = Date.parse(toDate)
  const candidates = history.filter((order) => {
    const at = Date.parse(order.createdAt ?? "")
    const inWindow = Number.isFinite(at) && at >= from && at <= to
    return order.packageCode === intent.package_code && inWindow && !claimedReferences.has(order.orderReference)
  })
  if (candidates.length === 1) {
    return { kind: "adopt", reference: candidates[0].orderReference }
  }
  if (candidates.length === 0) {
    return { kind: "rebuy" }
  }
  return { kind: "ambiguous", references: candidates.map((order) => order.orderReference) }
}
