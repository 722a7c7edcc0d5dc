import { OrderSummary } from "../../../lib/esimfly"
import { MAX_HISTORY_PAGES, readOrderHistory } from "./esimfly-order-history"
import EsimModuleService from "../service"
import { MATCH_WINDOW_MS } from "./unknown-outcome"
import { listUnsettledIntents } from "./unsettled"

/** An intent whose purchase has not settled: the orphan may be its order, adopted at the next reconciliation. */
export type UnsettledIntent = {
  id: string
  package_code: string
  last_attempt_at: Date | string | null
}

export type OrphanOrder = OrderSummary & { possibleIntentIds: string[] }

export type OrphanWindow = { fromDate: string; toDate: string }

export type OrphanReport = { orphans: OrphanOrder[]; scanned: number }

function isNear(order: OrderSummary, intent: UnsettledIntent): boolean {
  const at = Date.parse(order.createdAt ?? "")
  const attempt = new Date(intent.last_attempt_at ?? Number.NaN).getTime()
  return Number.isFinite(at) && Number.isFinite(attempt) && Math.abs(at - attempt) <= MATCH_WINDOW_MS
}

/**
 * The orders of esimfly's history that no intent claims. Each names the unsettled intents of
 * the same package around its time, whose reconciliation would adopt it.
 */
export function findOrphans(history: OrderSummary[], claimed: Set<string>, unsettled: UnsettledIntent[]): OrphanOrder[] {
  return history
    .filter((order) => !claimed.has(order.orderReference))
    .map((order) => ({
      ...order,
      possibleIntentIds: unsettled
        .filter((intent) => intent.package_code === order.packageCode && isNear(order, intent))
        .map((intent) => intent.id),
    }))
}

export class OrphanWindowTooLargeError extends Error {
  constructor() {
    super(`esimfly's history in this window exceeds ${MAX_HISTORY_PAGES * 100} orders; choose a shorter from_date/to_date window`)
    this.name = "OrphanWindowTooLargeError"
  }
}

/** Reads esimfly's history over the window and returns the orders no intent of this store claims. */
export async function listOrphanOrders(esim: EsimModuleService, window: OrphanWindow): Promise<OrphanReport> {
  const history = await readOrderHistory(esim, { ...window, status: "all", sortBy: "created_at", sortOrder: "desc" })
  if (!history) {
    throw new OrphanWindowTooLargeError()
  }
  const references = history.map((order) => order.orderReference)
  const claimed = references.length
    ? await esim.listEsimOrders({ esimfly_order_reference: references }, { take: null, select: ["esimfly_order_reference"] })
    : []
  const unsettled = await listUnsettledIntents(esim)
  const claimedSet = new Set(claimed.map((intent) => intent.esimfly_order_reference ?? ""))
  return { orphans: findOrphans(history, claimedSet, unsettled), scanned: history.length }
}
