import { IntentHistory, withEvent } from "../purchase"
import {
  attemptFromError,
  CANCELED_BY_MERCHANT,
  CancelAttempt,
  cancelCandidates,
  IntentCancelOutcome,
  skipReason,
  summarizeCancel,
} from "./outcomes"
import EsimModuleService from "../service"
import { BUYABLE_STATUSES, EsimOrderStatus } from "../purchase"

export type CancelIntentRow = {
  id: string
  line_item_id: string
  status: EsimOrderStatus
  error_code?: string | null
  history: unknown
  esims?: ({ id: string; iccid: string; status: string } | null)[] | null
}

/** Intents that were never bought: cancelling them means never buying them. */
const UNBOUGHT_STATUSES: EsimOrderStatus[] = [...BUYABLE_STATUSES, "held", "failed"]

/**
 * Asks esimfly to cancel one bought intent. esimfly cancels every eligible eSIM of the
 * esimfly order, which is this intent's batch of one line only, so one ICCID is enough;
 * when that one is installed, the next one is tried, so the batch's other eSIMs still go.
 */
async function cancelAtEsimfly(esim: EsimModuleService, intent: CancelIntentRow): Promise<IntentCancelOutcome> {
  const attempts: CancelAttempt[] = []
  for (const iccid of cancelCandidates(intent.esims ?? [])) {
    const attempt = await esim
      .getClient()
      .cancelEsim(iccid)
      .then(async (result): Promise<CancelAttempt> => {
        if (result.newBalance !== null && result.currency) {
          await esim.recordEsimflyBalance({ amount: result.newBalance, currency: result.currency, read_at: new Date(), source: "cancel" })
        }
        return { iccid, kind: "cancelled", result }
      })
      .catch((error: unknown) => attemptFromError(iccid, error))
    attempts.push(attempt)
    if (attempt.kind === "cancelled" || attempt.kind === "unknown" || attempt.kind === "failed") {
      break
    }
  }
  const base = { id: intent.id, line_item_id: intent.line_item_id }
  if (!attempts.length) {
    return { ...base, outcome: "nothing_to_cancel", message: "every eSIM is already cancelled or installed" }
  }
  const summary = summarizeCancel(attempts, new Date())
  const profiles = (intent.esims ?? []).flatMap((profile) =>
    profile && summary.profileStatuses[profile.iccid] ? [{ id: profile.id, status: summary.profileStatuses[profile.iccid] }] : []
  )
  if (profiles.length) {
    await esim.updateEsimProfiles(profiles)
  }
  await esim.updateEsimOrders({ id: intent.id, history: withEvent(intent.history, summary.event) })
  return { ...base, outcome: summary.outcome, message: summary.event.message ?? null }
}

async function recordWithoutCall(
  esim: EsimModuleService,
  intent: CancelIntentRow,
  outcome: "canceled_before_purchase" | "skipped",
  message: string
): Promise<IntentCancelOutcome> {
  const event = { at: new Date().toISOString(), type: outcome === "skipped" ? "cancel_skipped" : outcome, message }
  const last = (intent.history as Partial<IntentHistory> | null)?.events?.at(-1)
  if (outcome === "skipped" && last?.type === event.type && last.message === message) {
    // The same note on every run would bury the intent's history.
    return { id: intent.id, line_item_id: intent.line_item_id, outcome, message }
  }
  const stop = outcome === "canceled_before_purchase" ? { status: "failed" as const, error_code: CANCELED_BY_MERCHANT, error_message: message } : {}
  await esim.updateEsimOrders({ id: intent.id, ...stop, history: withEvent(intent.history, event) })
  return { id: intent.id, line_item_id: intent.line_item_id, outcome, message }
}

/**
 * Cancels one intent and writes the outcome on it: a bought batch is cancelled at esimfly,
 * an unbought one is marked so that it is never bought, an unsettled one is left with a note.
 */
export async function cancelIntent(esim: EsimModuleService, intent: CancelIntentRow): Promise<IntentCancelOutcome> {
  if (intent.status === "completed") {
    return cancelAtEsimfly(esim, intent)
  }
  if (UNBOUGHT_STATUSES.includes(intent.status)) {
    return recordWithoutCall(esim, intent, "canceled_before_purchase", `cancelled before purchase (was ${intent.status}); it will not be bought`)
  }
  return recordWithoutCall(esim, intent, "skipped", skipReason(intent.status) ?? `not cancelled: the intent is ${intent.status}`)
}
