import { EsimOrder } from "./types"

/** History events a cancel writes; the newest one is what the admin reads. */
const CANCEL_EVENTS = ["cancelled", "cancel_refused", "already_cancelled", "cancel_failed", "cancel_unknown", "cancel_skipped", "canceled_before_purchase"]

const SETTLED_ESIM = ["cancelled", "installed"]

export const CANCELED_BY_MERCHANT = "CANCELED_BY_MERCHANT"

/** The newest cancel outcome of an intent, in words ("cancelled at esimfly: 2 eSIMs …", "not cancellable: installed (…)"). */
export function cancelOutcomeText(intent: EsimOrder): { text: string; failed: boolean } | null {
  const event = [...(intent.history?.events ?? [])].reverse().find((e) => CANCEL_EVENTS.includes(e.type))
  if (!event?.message) {
    return null
  }
  return { text: event.message, failed: ["cancel_failed", "cancel_unknown"].includes(event.type) }
}

/** Whether esimfly may still cancel something of this intent: it is bought and has an eSIM not cancelled or installed. */
export function isCancellable(intent: EsimOrder): boolean {
  return intent.status === "completed" && (intent.esims ?? []).some((esim) => !SETTLED_ESIM.includes(esim.status.toLowerCase()))
}
