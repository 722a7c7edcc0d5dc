import type { EsimOrderRow } from "../models/esim-order"
import { OrderStatus, OrderSummary } from "../../../lib/esimfly"
import { withEvent } from "./history"
import { shortDeliveryMessage, toProfileRows } from "./outcomes"
import { MAX_HISTORY_PAGES, readOrderHistory } from "./esimfly-order-history"
import { BuyableEsimOrder, storeProfiles } from "./buy"
import type EsimModuleService from "../service"
import { EsimOrderStatus } from "../models/esim-order-statuses"
import { confirmAdoption, historyWindow, Resolution, resolveUnknownOutcome, RivalEsimOrder } from "./unknown-outcome"
import { listUnsettledEsimOrders } from "./unsettled"

type AdoptableEsimOrder = BuyableEsimOrder & Pick<EsimOrderRow, "last_attempt_at">

/** Takes over an esimfly order the eSIM order created, by reference: its eSIMs, never a new purchase. */
export async function adoptOrder(
  esim: EsimModuleService,
  esimOrder: BuyableEsimOrder,
  reference: string,
  fetched?: OrderStatus
): Promise<EsimOrderStatus> {
  const order = fetched ?? (await esim.getClient().getOrder(reference))
  const now = new Date()
  await storeProfiles(esim, toProfileRows(order.esims, esimOrder, order.packageName))
  const held = order.esims.length
  // A short order is not a delivery: kept pending_details, so the pending job polls it and flags it if it stays short.
  const done = !order.pending && held > 0 && held >= esimOrder.quantity
  const short =
    !order.pending && held > 0 && held < esimOrder.quantity ? `; ${shortDeliveryMessage(held, esimOrder.quantity)}` : ""
  const status: EsimOrderStatus = done ? "completed" : "pending_details"
  const timing = done
    ? { completed_at: now, next_poll_at: null }
    : { pending_since: now, poll_count: 0, next_poll_at: esim.nextPollAt(0, now) }
  await esim.updateEsimOrders({
    id: esimOrder.id,
    status,
    esimfly_order_reference: reference,
    amount: order.finalPrice ?? order.amount,
    error_code: null,
    error_message: null,
    ...timing,
    history: withEvent(esimOrder.history, {
      at: now.toISOString(),
      type: "adopted",
      message: `esimfly order ${reference}${short}`,
    }),
  })
  return status
}

async function historyOf(esim: EsimModuleService, esimOrder: AdoptableEsimOrder): Promise<OrderSummary[]> {
  const orders = await readOrderHistory(esim, {
    ...historyWindow(esimOrder),
    search: esimOrder.package_code,
    status: "all",
  })
  if (!orders) {
    throw new Error(`esimfly's history around this purchase exceeds ${MAX_HISTORY_PAGES} pages; settle it by hand`)
  }
  return orders
}

/** Other eSIM orders of the package whose create-order answer is not stored: lost, or still on its way. */
async function rivalsOf(esim: EsimModuleService, esimOrder: AdoptableEsimOrder): Promise<RivalEsimOrder[]> {
  return (await listUnsettledEsimOrders(esim, esimOrder.package_code)).filter((other) => other.id !== esimOrder.id)
}

/**
 * Settles an eSIM order whose create-order outcome is unknown: adopt the order it created,
 * buy again only when esimfly's complete history proves no order exists, and ask esimfly
 * by the idempotency key when the history cannot tell whose order is whose. Every
 * decision is written to the eSIM order's history.
 */
export async function settleUnknownOutcome(
  esim: EsimModuleService,
  esimOrder: AdoptableEsimOrder
): Promise<EsimOrderStatus> {
  if (esimOrder.esimfly_order_reference) {
    return adoptOrder(esim, esimOrder, esimOrder.esimfly_order_reference)
  }
  const history = await historyOf(esim, esimOrder)
  const claimed = await esim.listEsimOrders(
    { esimfly_order_reference: history.map((o) => o.orderReference) },
    { take: null }
  )
  const claimedReferences = new Set(claimed.map((c) => c.esimfly_order_reference ?? ""))
  let decision: Resolution = resolveUnknownOutcome(
    esimOrder,
    history,
    claimedReferences,
    await rivalsOf(esim, esimOrder)
  )
  if (decision.kind === "adopt") {
    const order = await esim.getClient().getOrder(decision.reference)
    decision = confirmAdoption(esimOrder, order)
    if (decision.kind === "adopt") {
      return adoptOrder(esim, esimOrder, decision.reference, order)
    }
  }
  const message =
    decision.kind === "rebuy"
      ? "esimfly's order history shows no order for this attempt; buying again with the same idempotency key"
      : `esimfly's history cannot tell whether ${decision.references.join(", ")} is this purchase (${decision.reason}); ` +
        "sending the same idempotency key again, which esimfly answers with the original order if there is one"
  const at = new Date().toISOString()
  // Back to pending: the retry's purchase sends the eSIM order's own idempotency key, never a new one.
  await esim.updateEsimOrders({
    id: esimOrder.id,
    status: "pending",
    error_code: null,
    error_message: null,
    history: withEvent(esimOrder.history, { at, type: decision.kind, message }),
  })
  return "pending"
}
