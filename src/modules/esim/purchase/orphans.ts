import type { EsimOrderRow } from "../models/esim-order"
import { OrderSummary } from "../../../lib/esimfly"
import { MAX_HISTORY_PAGES, readOrderHistory } from "./esimfly-order-history"
import type EsimModuleService from "../service"
import { MATCH_WINDOW_MS } from "./unknown-outcome"
import { listUnsettledEsimOrders } from "./unsettled"

/** An eSIM order whose purchase has not settled: the orphan may be its order, adopted at the next reconciliation. */
export type UnsettledEsimOrder = Pick<EsimOrderRow, "id" | "package_code" | "last_attempt_at">

export type OrphanOrder = OrderSummary & { possibleEsimOrderIds: string[] }

export type OrphanWindow = { fromDate: string; toDate: string }

export type OrphanReport = { orphans: OrphanOrder[]; scanned: number }

function isNear(order: OrderSummary, esimOrder: UnsettledEsimOrder): boolean {
  const at = Date.parse(order.createdAt ?? "")
  const attempt = new Date(esimOrder.last_attempt_at ?? Number.NaN).getTime()
  return Number.isFinite(at) && Number.isFinite(attempt) && Math.abs(at - attempt) <= MATCH_WINDOW_MS
}

/**
 * The orders of esimfly's history that no eSIM order claims. Each names the unsettled eSIM orders of
 * the same package around its time, whose reconciliation would adopt it.
 */
export function findOrphans(
  history: OrderSummary[],
  claimed: Set<string>,
  unsettled: UnsettledEsimOrder[]
): OrphanOrder[] {
  return history
    .filter((order) => !claimed.has(order.orderReference))
    .map((order) => ({
      ...order,
      possibleEsimOrderIds: unsettled
        .filter((esimOrder) => esimOrder.package_code === order.packageCode && isNear(order, esimOrder))
        .map((esimOrder) => esimOrder.id),
    }))
}

export class OrphanWindowTooLargeError extends Error {
  constructor() {
    super(
      `esimfly's history in this window exceeds ${MAX_HISTORY_PAGES * 100} orders; choose a shorter from_date/to_date window`
    )
    this.name = "OrphanWindowTooLargeError"
  }
}

/** Reads esimfly's history over the window and returns the orders no eSIM order of this store claims. */
export async function listOrphanOrders(esim: EsimModuleService, window: OrphanWindow): Promise<OrphanReport> {
  const history = await readOrderHistory(esim, { ...window, status: "all", sortBy: "created_at", sortOrder: "desc" })
  if (!history) {
    throw new OrphanWindowTooLargeError()
  }
  const references = history.map((order) => order.orderReference)
  const claimed = references.length
    ? await esim.listEsimOrders(
        { esimfly_order_reference: references },
        { take: null, select: ["esimfly_order_reference"] }
      )
    : []
  const unsettled = await listUnsettledEsimOrders(esim)
  const claimedSet = new Set(claimed.map((esimOrder) => esimOrder.esimfly_order_reference ?? ""))
  return { orphans: findOrphans(history, claimedSet, unsettled), scanned: history.length }
}
