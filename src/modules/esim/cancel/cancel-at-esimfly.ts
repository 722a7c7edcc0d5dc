import type { EsimOrderRow } from "../models/esim-order"
import type { EsimProfileRow } from "../models/esim-profile"
import { BUYABLE_STATUSES, EsimOrderHistory, EsimOrderStatus, withEvent } from "../purchase"
import {
  attemptFromError,
  CANCELED_BY_MERCHANT,
  CancelAttempt,
  cancelCandidates,
  EsimOrderCancelOutcome,
  skipReason,
  summarizeCancel,
} from "./outcomes"
import type EsimModuleService from "../service"

export type CancelableEsimOrder = Pick<EsimOrderRow, "id" | "line_item_id" | "status" | "error_code" | "history"> & {
  esims?: (Pick<EsimProfileRow, "id" | "iccid" | "status"> | null)[] | null
}

/** eSIM orders that were never bought: cancelling them means never buying them. */
const UNBOUGHT_STATUSES: EsimOrderStatus[] = [...BUYABLE_STATUSES, "held", "failed"]

/**
 * Asks esimfly to cancel one bought eSIM order. esimfly cancels every eligible eSIM of the
 * esimfly order, which is this eSIM order's batch of one line only, so one ICCID is enough;
 * when that one is installed, the next one is tried, so the batch's other eSIMs still go.
 */
async function cancelAtEsimfly(
  esim: EsimModuleService,
  esimOrder: CancelableEsimOrder
): Promise<EsimOrderCancelOutcome> {
  const attempts: CancelAttempt[] = []
  for (const iccid of cancelCandidates(esimOrder.esims ?? [])) {
    const attempt = await esim
      .getClient()
      .cancelEsim(iccid)
      .then(async (result): Promise<CancelAttempt> => {
        if (result.newBalance !== null && result.currency) {
          await esim.recordEsimflyBalance({
            amount: result.newBalance,
            currency: result.currency,
            read_at: new Date(),
            source: "cancel",
          })
        }
        return { iccid, kind: "canceled", result }
      })
      .catch((error: unknown) => attemptFromError(iccid, error))
    attempts.push(attempt)
    if (attempt.kind === "canceled" || attempt.kind === "unknown" || attempt.kind === "failed") {
      break
    }
  }
  const base = { id: esimOrder.id, line_item_id: esimOrder.line_item_id }
  if (!attempts.length) {
    return { ...base, outcome: "nothing_to_cancel", message: "every eSIM is already canceled or installed" }
  }
  const summary = summarizeCancel(attempts, new Date())
  const profiles = (esimOrder.esims ?? []).flatMap((profile) =>
    profile && summary.profileStatuses[profile.iccid]
      ? [{ id: profile.id, status: summary.profileStatuses[profile.iccid] }]
      : []
  )
  if (profiles.length) {
    await esim.updateEsimProfiles(profiles)
  }
  await esim.updateEsimOrders({ id: esimOrder.id, history: withEvent(esimOrder.history, summary.event) })
  return { ...base, outcome: summary.outcome, message: summary.event.message ?? null }
}

async function recordWithoutCall(
  esim: EsimModuleService,
  esimOrder: CancelableEsimOrder,
  outcome: "canceled_before_purchase" | "skipped",
  message: string
): Promise<EsimOrderCancelOutcome> {
  const event = { at: new Date().toISOString(), type: outcome === "skipped" ? "cancel_skipped" : outcome, message }
  const last = (esimOrder.history as Partial<EsimOrderHistory> | null)?.events?.at(-1)
  if (outcome === "skipped" && last?.type === event.type && last.message === message) {
    // The same note on every run would bury the eSIM order's history.
    return { id: esimOrder.id, line_item_id: esimOrder.line_item_id, outcome, message }
  }
  const stop =
    outcome === "canceled_before_purchase"
      ? { status: "failed" as const, error_code: CANCELED_BY_MERCHANT, error_message: message }
      : {}
  await esim.updateEsimOrders({ id: esimOrder.id, ...stop, history: withEvent(esimOrder.history, event) })
  return { id: esimOrder.id, line_item_id: esimOrder.line_item_id, outcome, message }
}

/**
 * Cancels one eSIM order and writes the outcome on it: a bought batch is canceled at esimfly,
 * an unbought one is marked so that it is never bought, an unsettled one is left with a note.
 */
export async function cancelEsimOrder(
  esim: EsimModuleService,
  esimOrder: CancelableEsimOrder
): Promise<EsimOrderCancelOutcome> {
  if (esimOrder.status === "completed") {
    return cancelAtEsimfly(esim, esimOrder)
  }
  if (UNBOUGHT_STATUSES.includes(esimOrder.status)) {
    return recordWithoutCall(
      esim,
      esimOrder,
      "canceled_before_purchase",
      `canceled before purchase (was ${esimOrder.status}); it will not be bought`
    )
  }
  return recordWithoutCall(
    esim,
    esimOrder,
    "skipped",
    skipReason(esimOrder.status) ?? `not canceled: the eSIM order is ${esimOrder.status}`
  )
}
