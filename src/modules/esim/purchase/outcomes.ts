import type { EsimOrderRow } from "../models/esim-order"
import {
  CreateOrderResult,
  Esim,
  EsimflyError,
  EsimflyInsufficientBalanceError,
  EsimflyOutcomeUnknownError,
  isReusedRequest,
} from "../../../lib/esimfly"
import { EsimOrderEvent } from "./history"
import { EsimOrderStatus } from "../models/esim-order-statuses"

/** The part of an eSIM order that a purchase outcome changes. */
export type PurchaseOutcome = {
  status: EsimOrderStatus
  event: EsimOrderEvent
  fields: Record<string, unknown>
}

type EsimOrderRef = Pick<EsimOrderRow, "id" | "order_id" | "line_item_id" | "package_code"> &
  Partial<Pick<EsimOrderRow, "customer_id">>

export type ProfileRow = {
  iccid: string
  esim_order_id: string
  order_id: string
  line_item_id: string
  customer_id: string | null
  lpa: string | null
  smdp_address: string | null
  activation_code: string | null
  apple_install_url: string | null
  android_install_url: string | null
  package_code: string
  package_name: string | null
  data_amount: string | null
  validity_days: number | null
  status: string
}

const GIB = 1024 ** 3

/** "1 GB", "500 MB" or "Unlimited", from what esimfly reported. */
export function formatDataAmount(esim: Pick<Esim, "totalVolume" | "unlimited">): string | null {
  if (esim.unlimited) {
    return "Unlimited"
  }
  if (!esim.totalVolume) {
    return null
  }
  const gb = esim.totalVolume / GIB
  return gb >= 1 ? `${Number(gb.toFixed(2))} GB` : `${Math.round(esim.totalVolume / 1024 ** 2)} MB`
}

/** Maps esimfly's eSIMs to profile rows of one eSIM order. */
/** An eSIM's status in the plugin's words: lower case, and Medusa's spelling of "canceled". */
export function profileStatus(wire: string | null | undefined): string {
  const status = (wire ?? "new").toLowerCase()
  return status === "cancelled" ? "canceled" : status
}

export function toProfileRows(esims: Esim[], esimOrder: EsimOrderRef, packageName: string | null): ProfileRow[] {
  return esims.map((esim) => ({
    iccid: esim.iccid,
    esim_order_id: esimOrder.id,
    order_id: esimOrder.order_id,
    line_item_id: esimOrder.line_item_id,
    customer_id: esimOrder.customer_id ?? null,
    lpa: esim.lpa,
    smdp_address: esim.smdpAddress,
    activation_code: esim.activationCode,
    apple_install_url: esim.appleInstallUrl,
    android_install_url: esim.androidInstallUrl,
    package_code: esimOrder.package_code,
    package_name: packageName,
    data_amount: formatDataAmount(esim),
    validity_days: esim.totalDuration,
    status: profileStatus(esim.status),
  }))
}

/** The history line of an answer that carries some, not all, of the eSIMs ordered. */
export function shortDeliveryMessage(held: number, quantity: number): string {
  const kept = held === 1 ? "it is kept" : `the ${held} are kept`
  return `esimfly answered with ${held} of ${quantity} eSIMs (${quantity - held} missing); ${kept} and the order is polled for the rest`
}

/**
 * What a successful create-order changes on the eSIM order. An answer with fewer eSIMs than
 * the eSIM order's quantity is not a delivery: it stays `pending_details` and is polled.
 */
export function purchaseSucceeded(result: CreateOrderResult, now: Date, quantity: number): PurchaseOutcome {
  const held = result.esims.length
  const status: EsimOrderStatus = result.pending || held < quantity ? "pending_details" : "completed"
  const fields: Record<string, unknown> = {
    esimfly_order_reference: result.orderReference,
    amount: result.finalPrice ?? result.amount,
    currency_code: result.currency?.toLowerCase() ?? null,
    error_code: null,
    error_message: null,
    current_balance: null,
    required_balance: null,
  }
  if (status === "pending_details") {
    fields.pending_since = now
    fields.poll_count = 0
  } else {
    fields.completed_at = now
  }
  const notes = [
    result.duplicate ? "esimfly replayed the original order" : null,
    held > 0 && held < quantity ? shortDeliveryMessage(held, quantity) : null,
  ]
  const message = notes.filter(Boolean).join("; ") || undefined
  return { status, fields, event: { at: now.toISOString(), type: status, message } }
}

function failure(status: EsimOrderStatus, error: EsimflyError, now: Date, fields = {}): PurchaseOutcome {
  const event = {
    at: now.toISOString(),
    type: status,
    code: error.code,
    message: error.message,
    request_id: error.requestId,
  }
  return { status, event, fields: { error_code: error.code, error_message: error.message, ...fields } }
}

/** Maps a failed create-order to the state an admin can act on; never to "try again blindly". */
export function purchaseFailed(error: unknown, now: Date): PurchaseOutcome {
  if (error instanceof EsimflyInsufficientBalanceError) {
    const { currentBalance: current_balance, requiredBalance: required_balance } = error
    return failure("held", error, now, { current_balance, required_balance })
  }
  // A duplicate means esimfly already holds a request with this key or id, perhaps still
  // being processed: whether it bought anything is unknown, so it is looked up, never re-bought.
  if (error instanceof EsimflyOutcomeUnknownError || isReusedRequest(error)) {
    return failure("needs_attention", error, now)
  }
  if (error instanceof EsimflyError) {
    return failure("failed", error, now)
  }
  // A bug or a crash around the call: the purchase may have happened, so look it up first.
  const message = `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  const event = { at: now.toISOString(), type: "needs_attention", code: "UNEXPECTED_ERROR", message }
  return { status: "needs_attention", event, fields: { error_code: "UNEXPECTED_ERROR", error_message: message } }
}
