import type { EsimOrderRow } from "../models/esim-order"
import { CancelEsimResult, EsimflyError, EsimflyOutcomeUnknownError, EsimflyRefusedError } from "../../../lib/esimfly"
import { EsimOrderEvent, EsimOrderStatus, profileStatus } from "../purchase"

/** error_code of an eSIM order that was canceled before it was bought; it is never bought later. */
export const CANCELED_BY_MERCHANT = "CANCELED_BY_MERCHANT"

/** Profile statuses after a cancel: esimfly canceled it, or refused because it is installed or in use. */
export const CANCELED_ESIM = "canceled"
export const INSTALLED_ESIM = "installed"

/** History events that settle a cancel: automatic triggers do not ask esimfly again after one. */
export const FINAL_CANCEL_EVENTS = ["canceled", "cancel_refused", "already_canceled", "canceled_before_purchase"]

/** One cancel call for one ICCID of an eSIM order. */
export type CancelAttempt =
  | { iccid: string; kind: "canceled"; result: CancelEsimResult }
  | { iccid: string; kind: "not_cancellable" }
  | { iccid: string; kind: "already_canceled" }
  | { iccid: string; kind: "unknown" | "failed"; code: string; message: string; requestId?: string }

export type CancelOutcomeKind =
  | "canceled"
  | "not_cancellable"
  | "already_canceled"
  | "unknown"
  | "failed"
  | "canceled_before_purchase"
  | "skipped"
  | "nothing_to_cancel"
  | "unchanged"

/** What a cancel did to one eSIM order, as the workflow returns it and `esim_order.canceled` carries it. */
export type EsimOrderCancelOutcome = {
  id: string
  line_item_id: string
  outcome: CancelOutcomeKind
  message: string | null
}

/** What a cancel changes on an eSIM order and its eSIM profiles. */
export type CancelSummary = {
  outcome: CancelOutcomeKind
  event: EsimOrderEvent
  profileStatuses: Record<string, string>
}

type EsimOrderLike = Pick<EsimOrderRow, "status" | "history"> & Partial<Pick<EsimOrderRow, "error_code">>

/** Maps a cancel failure to an attempt; a refusal or an earlier cancel are answers, not failures. */
export function attemptFromError(iccid: string, error: unknown): CancelAttempt {
  if (error instanceof EsimflyRefusedError && error.code === "ESIM_NOT_CANCELLABLE") {
    return { iccid, kind: "not_cancellable" }
  }
  if (error instanceof EsimflyRefusedError && error.code === "ALREADY_CANCELLED") {
    return { iccid, kind: "already_canceled" }
  }
  const kind = error instanceof EsimflyOutcomeUnknownError ? "unknown" : "failed"
  if (error instanceof EsimflyError) {
    return { iccid, kind, code: error.code, message: error.message, requestId: error.requestId }
  }
  const message = `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  return { iccid, kind: "failed", code: "UNEXPECTED_ERROR", message }
}

/** The eSIMs worth asking esimfly about: not canceled and not known to be installed. */
export function cancelCandidates(esims: ({ iccid: string; status: string } | null)[]): string[] {
  const settled = [CANCELED_ESIM, INSTALLED_ESIM]
  return esims.flatMap((esim) => (esim && !settled.includes(profileStatus(esim.status)) ? [esim.iccid] : []))
}

/** Whether a cancel already settled this eSIM order (canceled, refused, or stopped before purchase). */
export function hasSettledCancel(esimOrder: EsimOrderLike): boolean {
  if (esimOrder.error_code === CANCELED_BY_MERCHANT) {
    return true
  }
  const events = (esimOrder.history as { events?: EsimOrderEvent[] } | null)?.events ?? []
  return events.some((event) => FINAL_CANCEL_EVENTS.includes(event.type))
}

function money(amount: number | null, currency: string | null): string {
  return amount === null ? "an amount esimfly did not report" : `${amount} ${currency ?? ""}`.trim()
}

function canceledText(attempt: { iccid: string; result: CancelEsimResult }): string {
  const { cancelled, refunded, currency, newBalance } = attempt.result
  const iccids = cancelled.length ? cancelled : [attempt.iccid]
  const balance = newBalance === null ? "" : ` (balance ${money(newBalance, currency)})`
  const count = `${iccids.length} eSIM${iccids.length === 1 ? "" : "s"}`
  return `canceled at esimfly: ${count} (${iccids.join(", ")}), refunded ${money(refunded, currency)}${balance}`
}

function outcomeOf(attempts: CancelAttempt[]): CancelOutcomeKind {
  const kinds = attempts.map((attempt) => attempt.kind)
  const order: CancelOutcomeKind[] = ["canceled", "unknown", "failed", "not_cancellable", "already_canceled"]
  return order.find((kind) => kinds.includes(kind as CancelAttempt["kind"])) ?? "nothing_to_cancel"
}

const EVENT_TYPES: Partial<Record<CancelOutcomeKind, string>> = {
  canceled: "canceled",
  unknown: "cancel_unknown",
  failed: "cancel_failed",
  not_cancellable: "cancel_refused",
  already_canceled: "already_canceled",
}

type Canceled = Extract<CancelAttempt, { kind: "canceled" }>
type Failure = Extract<CancelAttempt, { kind: "unknown" | "failed" }>

const isCanceled = (attempt: CancelAttempt): attempt is Canceled => attempt.kind === "canceled"
const isFailure = (attempt: CancelAttempt): attempt is Failure =>
  attempt.kind === "unknown" || attempt.kind === "failed"
const iccidsOf = (attempts: CancelAttempt[], kind: CancelAttempt["kind"]) =>
  attempts.filter((attempt) => attempt.kind === kind).map((attempt) => attempt.iccid)

function profileStatusesOf(attempts: CancelAttempt[]): Record<string, string> {
  const statuses: Record<string, string> = {}
  for (const iccid of iccidsOf(attempts, "not_cancellable")) statuses[iccid] = INSTALLED_ESIM
  for (const iccid of iccidsOf(attempts, "already_canceled")) statuses[iccid] = CANCELED_ESIM
  for (const attempt of attempts.filter(isCanceled)) {
    for (const iccid of [attempt.iccid, ...attempt.result.cancelled]) statuses[iccid] = CANCELED_ESIM
  }
  return statuses
}

/** Turns the calls made for one eSIM order into one history event (in words) and the eSIMs' new statuses. */
export function summarizeCancel(attempts: CancelAttempt[], now: Date): CancelSummary {
  const done = attempts.find(isCanceled)
  const already = iccidsOf(attempts, "already_canceled")
  const refused = iccidsOf(attempts, "not_cancellable")
  const failure = attempts.find(isFailure)
  const parts = [
    done ? canceledText(done) : null,
    already.length ? `already canceled at esimfly (${already.join(", ")})` : null,
    refused.length ? `not cancellable: installed (${refused.join(", ")})` : null,
    failure
      ? `cancel ${failure.kind === "unknown" ? "outcome unknown" : "failed"} (${failure.code}): ${failure.message}`
      : null,
  ]
  const outcome = outcomeOf(attempts)
  const event: EsimOrderEvent = {
    at: now.toISOString(),
    type: EVENT_TYPES[outcome] ?? "cancel_skipped",
    message: parts.filter(Boolean).join("; "),
    code: failure?.code ?? (refused.length ? "ESIM_NOT_CANCELLABLE" : undefined),
    request_id: failure?.requestId,
    ...(done ? { iccids: done.result.cancelled, refunded: done.result.refunded, currency: done.result.currency } : {}),
  }
  return { outcome, event, profileStatuses: profileStatusesOf(attempts) }
}

const SKIP_REASONS: Partial<Record<EsimOrderStatus, string>> = {
  pending_details:
    "cancel recorded: esimfly is still provisioning these eSIMs; they are canceled there as soon as they arrive, and never sent",
  purchasing:
    "cancel recorded: whatever the purchase in flight buys is canceled at esimfly once it answers, and never sent",
  needs_attention:
    "cancel recorded: the purchase outcome is unknown; reconciliation cancels whatever esimfly holds for it and buys nothing",
}

/** Why an eSIM order in this state is not canceled now; null when it can be handled. */
export function skipReason(status: EsimOrderStatus): string | null {
  return SKIP_REASONS[status] ?? null
}
