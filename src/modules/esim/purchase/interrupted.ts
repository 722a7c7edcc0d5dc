import type { EsimOrderRow } from "../models/esim-order"
import { EsimOrderEvent, withEvent } from "./history"
import type EsimModuleService from "../service"

export type InterruptedEsimOrder = Pick<EsimOrderRow, "id" | "status" | "history" | "last_attempt_at">

const INTERRUPTED_MESSAGE =
  "the purchase was interrupted before esimfly's answer was stored; look the order up before retrying"

/**
 * How long a claimed purchase may still be on its way: the wait for a rate-limit slot plus
 * the create-order timeout. Only an eSIM order older than that was interrupted; another run
 * starting says nothing about it.
 */
export function purchaseInFlightMs(options: { orderTimeoutMs: number; rateLimitMaxWaitMs: number }): number {
  return options.orderTimeoutMs + options.rateLimitMaxWaitMs
}

/**
 * True when a `purchasing` eSIM order's call can no longer be in flight: its last attempt is at
 * or before `before` (now − purchaseInFlightMs − a grace).
 */
export function isInterruptedPurchase(esimOrder: InterruptedEsimOrder, before: Date): boolean {
  const at = esimOrder.last_attempt_at ? new Date(esimOrder.last_attempt_at).getTime() : Number.NaN
  return esimOrder.status === "purchasing" && Number.isFinite(at) && at <= before.getTime()
}

/** The update that turns an interrupted `purchasing` eSIM order into `needs_attention` (outcome unknown). */
export function interruptedUpdate(
  esimOrder: InterruptedEsimOrder,
  at: Date,
  event: Pick<EsimOrderEvent, "message" | "by"> = {}
) {
  return {
    id: esimOrder.id,
    status: "needs_attention" as const,
    error_code: "ORDER_OUTCOME_UNKNOWN",
    error_message: INTERRUPTED_MESSAGE,
    history: withEvent(esimOrder.history, {
      at: at.toISOString(),
      type: "needs_attention",
      code: "INTERRUPTED",
      ...event,
    }),
  }
}

/** Marks the eSIM orders a crash left "purchasing" past any possible answer; returns how many. */
export async function markInterruptedPurchases(
  esim: EsimModuleService,
  esimOrders: InterruptedEsimOrder[]
): Promise<number> {
  const now = new Date()
  const before = new Date(now.getTime() - purchaseInFlightMs(esim.getOptions()))
  const interrupted = esimOrders.filter((esimOrder) => isInterruptedPurchase(esimOrder, before))
  if (interrupted.length) {
    await esim.updateEsimOrders(interrupted.map((esimOrder) => interruptedUpdate(esimOrder, now)))
  }
  return interrupted.length
}
