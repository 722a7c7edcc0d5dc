import type { EsimOrderRow } from "../models/esim-order"
import { randomUUID } from "node:crypto"
import { CreateOrderResult } from "../../../lib/esimfly"
import { timeDeliveryPhase } from "../delivery"
import { claimForPurchase } from "./claim"
import { EsimOrderHistory, EsimOrderRunner, withEvent } from "./history"
import { purchaseFailed, purchaseSucceeded, toProfileRows } from "./outcomes"
import type EsimModuleService from "../service"

/** What buying an eSIM order reads of it. */
export type BuyableEsimOrder = Pick<
  EsimOrderRow,
  | "id"
  | "order_id"
  | "line_item_id"
  | "customer_id"
  | "package_code"
  | "quantity"
  | "idempotency_key"
  | "attempts"
  | "history"
  | "esimfly_order_reference"
>

/** Stores eSIMs once: a replayed order returns ICCIDs that are already stored. */
export async function storeProfiles(esim: EsimModuleService, rows: ReturnType<typeof toProfileRows>): Promise<void> {
  if (!rows.length) {
    return
  }
  const existing = await esim.listEsimProfiles({ iccid: rows.map((row) => row.iccid) }, { take: null })
  const stored = new Set(existing.map((profile) => profile.iccid))
  const fresh = rows.filter((row) => !stored.has(row.iccid))
  if (fresh.length) {
    await esim.createEsimProfiles(fresh)
  }
}

/**
 * Buys one eSIM order with exactly one create-order. The request id and idempotency key are
 * stored before the call and the outcome right after it, so a crash in between leaves a
 * "purchasing" row that is looked up, never bought again.
 */
/** `balance_reported`: esimfly's answer carried a `newBalance`, now mirrored. */
export type PurchaseResult = { status: string; balance_reported: boolean }

/** Whether the eSIM order's last decision was to ask esimfly by its idempotency key. */
function isKeyReplay(esimOrder: BuyableEsimOrder): boolean {
  const events = (esimOrder.history as Partial<EsimOrderHistory> | null)?.events ?? []
  return events.at(-1)?.type === "ask_by_key"
}

/** Null when another run claimed the eSIM order first, or a cancel came: nothing was sent. */
export async function buyEsimOrder(
  esim: EsimModuleService,
  esimOrder: BuyableEsimOrder,
  by?: EsimOrderRunner
): Promise<PurchaseResult | null> {
  const requestId = randomUUID()
  const sentAt = new Date()
  const history = withEvent(esimOrder.history, {
    at: sentAt.toISOString(),
    type: "purchasing",
    request_id: requestId,
    ...(by ? { by } : {}),
  })
  const claim = { request_id: requestId, at: sentAt, history, replay: isKeyReplay(esimOrder) }
  if (!(await esim.runEsimSql((manager) => claimForPurchase(manager, esimOrder.id, claim)))) {
    return null
  }
  const { package_code: packageCode, quantity, idempotency_key: idempotencyKey } = esimOrder
  let result: CreateOrderResult
  try {
    const request = { packageCode, quantity, idempotencyKey, requestId }
    result = await timeDeliveryPhase(esimOrder.order_id, "create_order", () => esim.getClient().createOrder(request))
  } catch (error) {
    const outcome = purchaseFailed(error, new Date())
    await esim.updateEsimOrders({
      id: esimOrder.id,
      status: outcome.status,
      ...outcome.fields,
      history: withEvent(history, outcome.event),
    })
    return { status: outcome.status, balance_reported: false }
  }
  const answeredAt = new Date()
  const outcome = purchaseSucceeded(result, answeredAt, quantity)
  // The reference goes first: if storing the eSIMs fails, the order can still be looked up.
  await esim.updateEsimOrders({ id: esimOrder.id, ...outcome.fields })
  if (result.newBalance !== null && result.currency) {
    await esim.recordEsimflyBalance({
      amount: result.newBalance,
      currency: result.currency,
      read_at: answeredAt,
      source: "create_order",
    })
  }
  const bought = result
  await timeDeliveryPhase(esimOrder.order_id, "store", () =>
    storeProfiles(esim, toProfileRows(bought.esims, esimOrder, bought.packageName))
  )
  const nextPoll = outcome.status === "pending_details" ? { next_poll_at: esim.nextPollAt(0, new Date()) } : {}
  await esim.updateEsimOrders({
    id: esimOrder.id,
    status: outcome.status,
    ...nextPoll,
    history: withEvent(history, outcome.event),
  })
  return { status: outcome.status, balance_reported: result.newBalance !== null }
}
