import { EsimOrder } from "./types"

/** History events a cancel writes; the newest one is what the admin reads. */
const CANCEL_EVENTS = [
  "canceled",
  "cancel_refused",
  "already_canceled",
  "cancel_failed",
  "cancel_unknown",
  "cancel_skipped",
  "canceled_before_purchase",
]

const SETTLED_ESIM = ["canceled", "installed"]

export const CANCELED_BY_MERCHANT = "CANCELED_BY_MERCHANT"

/** The newest cancel outcome of an eSIM order, in words ("canceled at esimfly: 2 eSIMs …", "not cancellable: installed (…)"). */
export function cancelOutcomeText(esimOrder: EsimOrder): { text: string; failed: boolean } | null {
  const event = [...(esimOrder.history?.events ?? [])].reverse().find((e) => CANCEL_EVENTS.includes(e.type))
  if (!event?.message) {
    return null
  }
  return { text: event.message, failed: ["cancel_failed", "cancel_unknown"].includes(event.type) }
}

/** Whether esimfly may still cancel something of this eSIM order: it is bought and has an eSIM not canceled or installed. */
export function isCancellable(esimOrder: EsimOrder): boolean {
  return (
    esimOrder.status === "completed" &&
    (esimOrder.esims ?? []).some((esim) => !SETTLED_ESIM.includes(esim.status.toLowerCase()))
  )
}
