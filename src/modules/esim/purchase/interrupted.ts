import { IntentEvent, withEvent } from "./history"

export type InterruptedIntent = {
  id: string
  status: string
  history: unknown
  last_attempt_at: Date | string | null
}

const INTERRUPTED_MESSAGE = "the purchase was interrupted before esimfly's answer was stored; look the order up before retrying"

/**
 * How long a claimed purchase may still be on its way: the wait for a rate-limit slot plus
 * the create-order timeout. Only an intent older than that was interrupted; another run
 * starting says nothing about it.
 */
export function purchaseInFlightMs(options: { orderTimeoutMs: number; rateLimitMaxWaitMs: number }): number {
  return options.orderTimeoutMs + options.rateLimitMaxWaitMs
}

/**
 * True when a `purchasing` intent's call can no longer be in flight: its last attempt is at
 * or before `before` (now − purchaseInFlightMs − a grace).
 */
export function isInterruptedPurchase(intent: InterruptedIntent, before: Date): boolean {
  const at = intent.last_attempt_at ? new Date(intent.last_attempt_at).getTime() : Number.NaN
  return intent.status === "purchasing" && Number.isFinite(at) && at <= before.getTime()
}

/** The update that turns an interrupted `purchasing` intent into `needs_attention` (outcome unknown). */
export function interruptedUpdate(intent: InterruptedIntent, at: Date, event: Pick<IntentEvent, "message" | "by"> = {}) {
  return {
    id: intent.id,
    status: "needs_attention" as const,
    error_code: "ORDER_OUTCOME_UNKNOWN",
    error_message: INTERRUPTED_MESSAGE,
    history: withEvent(intent.history, { at: at.toISOString(), type: "needs_attention", code: "INTERRUPTED", ...event }),
  }
}
