import { EsimflyError, EsimflyInsufficientBalanceError, TopupResult } from "../../../lib/esimfly"
import type { EsimTopUpRow } from "../models/esim-top-up"
import { dataMbOf } from "./offers"

/** The columns an outcome writes on a top-up. */
export type TopUpFields = Partial<
  Pick<
    EsimTopUpRow,
    | "status"
    | "request_id"
    | "esimfly_order_reference"
    | "cost"
    | "cost_currency"
    | "total_mb_after"
    | "bought_at"
    | "error_code"
    | "error_message"
    | "package_name"
  >
>

/** What esimfly's answer says about the eSIM's data, in MB. */
export type TopUpUsage = { total_mb: number | null; remaining_mb: number | null; expires_at: Date | null }

/** A completed top-up: bought, with esimfly's reference, what it charged and the eSIM's new total. */
export function topUpBought(result: TopupResult, at: Date): { fields: TopUpFields; usage: TopUpUsage } {
  const usage = {
    total_mb: dataMbOf(result.esim?.newTotalVolumeGb ?? null),
    remaining_mb: dataMbOf(result.esim?.newRemainingVolumeGb ?? null),
    expires_at: result.esim?.expiresAt ?? null,
  }
  const fields: TopUpFields = {
    status: "bought",
    esimfly_order_reference: result.orderReference,
    cost: result.amount,
    cost_currency: result.currency,
    total_mb_after: usage.total_mb,
    bought_at: at,
    error_code: null,
    error_message: null,
    ...(result.packageName ? { package_name: result.packageName } : {}),
  }
  return { fields, usage }
}

/**
 * A failed call: TOPUP_OUTCOME_UNKNOWN is `unknown` (settled from total_mb, never resent),
 * INSUFFICIENT_BALANCE is `held` (visible, released by an admin's retry), anything else
 * esimfly refused is `failed` with its code.
 */
export function topUpCallFailed(error: unknown): TopUpFields {
  const known = error instanceof EsimflyError
  const code = known ? error.code : "UNEXPECTED_ERROR"
  const message = error instanceof Error ? error.message : String(error)
  const request_id = known ? (error.requestId ?? null) : null
  if (code === "TOPUP_OUTCOME_UNKNOWN") {
    return { status: "unknown", request_id, error_code: code, error_message: message }
  }
  if (error instanceof EsimflyInsufficientBalanceError) {
    return { status: "held", request_id, error_code: code, error_message: message }
  }
  return { status: "failed", request_id, error_code: code, error_message: message }
}

/** Why a top-up whose answer was lost is judged not to have happened. */
export const TOP_UP_NOT_APPLIED = "TOPUP_NOT_APPLIED"

/**
 * esimfly's usage figures may lag by up to 15 minutes (docs: lifecycle.md, "cached 5–15 min"), so a
 * total that has not grown proves nothing before then.
 */
export const TOP_UP_NOT_APPLIED_AFTER_MS = 15 * 60 * 1000

/**
 * Settles a lost answer from the eSIM's data total, as esimfly advises (docs: topup-order.md):
 * grown past the value read before the call → bought. A total that has not grown is judged
 * (failed, never resent) only when `final`, once the usage can no longer lag; before, null.
 */
export function settleFromTotal(
  before: number | null,
  totalNow: number | null,
  at: Date,
  final: boolean
): TopUpFields | null {
  if (before !== null && totalNow !== null && totalNow > before) {
    return { status: "bought", total_mb_after: totalNow, bought_at: at, error_code: null, error_message: null }
  }
  if (!final) {
    return null
  }
  return {
    status: "failed",
    error_code: TOP_UP_NOT_APPLIED,
    error_message:
      `esimfly's answer was lost and the eSIM's data total did not grow (${before ?? "unknown"} MB before, ` +
      `${totalNow ?? "unknown"} MB now): the top-up is judged not bought and was not sent again`,
  }
}

/** Codes after which nothing was bought, so an admin may send the top-up again. */
export function mayRetryTopUp(topUp: Pick<EsimTopUpRow, "status" | "error_code" | "cancel_requested_at">): boolean {
  if (topUp.cancel_requested_at) {
    return false
  }
  return topUp.status === "held" || (topUp.status === "failed" && topUp.error_code !== TOP_UP_NOT_APPLIED)
}
