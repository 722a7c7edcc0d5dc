import type { EsimOrderRow } from "../models/esim-order"
import { EsimflyError, OrderStatus } from "../../../lib/esimfly"
import { EsimOrderEvent } from "./history"
import { EsimOrderStatus } from "../models/esim-order-statuses"

/** The part of a `pending_details` eSIM order the pending policy reads. */
export type PendingEsimOrder = Pick<
  EsimOrderRow,
  "quantity" | "poll_count" | "pending_since" | "created_at" | "esimfly_order_reference"
> & {
  /** The eSIMs already stored for the eSIM order, when loaded (a short answer keeps them). */
  esims?: unknown[] | null
}

/** What one look at a pending eSIM order changes; `event` is null when history stays as is. */
export type PendingChange = {
  status: EsimOrderStatus
  fields: Record<string, unknown>
  event: EsimOrderEvent | null
}

export const PENDING_TIMEOUT = "PENDING_TIMEOUT"

/** How long esimfly has been provisioning the eSIM order's eSIMs. */
export function pendingAgeMs(esimOrder: Pick<PendingEsimOrder, "pending_since" | "created_at">, now: Date): number {
  return now.getTime() - new Date(esimOrder.pending_since ?? esimOrder.created_at).getTime()
}

/** esimfly's advice: poll "up to about 10 min", then flag the order for follow-up. */
export function isPendingTooOld(
  esimOrder: Pick<PendingEsimOrder, "pending_since" | "created_at">,
  now: Date,
  maxAgeMs: number
): boolean {
  return pendingAgeMs(esimOrder, now) > maxAgeMs
}

/** Flags a pending eSIM order that waited too long; it is never ordered again. */
export function pendingTimedOut(esimOrder: PendingEsimOrder, now: Date, maxAgeMs: number): PendingChange {
  const minutes = Math.round(maxAgeMs / 60000)
  const reference = esimOrder.esimfly_order_reference ?? "unknown"
  const held = esimOrder.esims?.filter(Boolean).length ?? 0
  const what =
    held > 0 && held < esimOrder.quantity
      ? `esimfly delivered ${held} of ${esimOrder.quantity} eSIMs (${esimOrder.quantity - held} missing) and no more`
      : "esimfly has not delivered the eSIM details"
  const message = `${what} after ${minutes} minutes; look the order up at esimfly (reference ${reference})`
  return {
    status: "needs_attention",
    fields: { error_code: PENDING_TIMEOUT, error_message: message, next_poll_at: null },
    event: { at: now.toISOString(), type: "needs_attention", code: PENDING_TIMEOUT, message },
  }
}

function stillPending(esimOrder: PendingEsimOrder, nextPollAt: Date, fields: Record<string, unknown> = {}) {
  return { poll_count: esimOrder.poll_count + 1, next_poll_at: nextPollAt, ...fields }
}

function flagged(now: Date, code: string, message: string): PendingChange {
  const fields = { error_code: code, error_message: message, next_poll_at: null }
  return { status: "needs_attention", fields, event: { at: now.toISOString(), type: "needs_attention", code, message } }
}

/**
 * Maps a status answer to the eSIM order's next state. Completed needs every eSIM of the
 * batch; a failed or short order is flagged for an admin, never re-ordered.
 */
export function pollAnswered(
  esimOrder: PendingEsimOrder,
  order: OrderStatus,
  now: Date,
  nextPollAt: Date
): PendingChange {
  const at = now.toISOString()
  const count = order.esims.length
  if (order.pending) {
    const event =
      esimOrder.poll_count === 0
        ? { at, type: "pending_poll", message: "esimfly is still provisioning the eSIM details" }
        : null
    return { status: "pending_details", fields: stillPending(esimOrder, nextPollAt, { error_message: null }), event }
  }
  if (count === 0) {
    return flagged(
      now,
      "ESIMFLY_ORDER_FAILED",
      `esimfly reports the order as "${order.status}" without eSIMs; it was not re-ordered`
    )
  }
  if (count < esimOrder.quantity) {
    const missing = esimOrder.quantity - count
    return flagged(
      now,
      "ESIMS_MISSING",
      `esimfly delivered ${count} of ${esimOrder.quantity} eSIMs (${missing} missing); look the order up at esimfly`
    )
  }
  const fields = {
    completed_at: now,
    next_poll_at: null,
    error_code: null,
    error_message: null,
    poll_count: esimOrder.poll_count + 1,
  }
  const message = `esimfly delivered ${count} eSIM(s) after ${esimOrder.poll_count + 1} status poll(s)`
  return { status: "completed", fields, event: { at, type: "completed", message } }
}

/** A failed status call changes nothing about the purchase: it is recorded and polled again later. */
export function pollFailed(esimOrder: PendingEsimOrder, error: unknown, now: Date, nextPollAt: Date): PendingChange {
  const message = `status check failed: ${error instanceof Error ? error.message : String(error)}`
  const code = error instanceof EsimflyError ? error.code : "UNEXPECTED_ERROR"
  const request_id = error instanceof EsimflyError ? error.requestId : undefined
  const event = { at: now.toISOString(), type: "poll_failed", code, message, request_id }
  return { status: "pending_details", fields: stillPending(esimOrder, nextPollAt, { error_message: message }), event }
}
