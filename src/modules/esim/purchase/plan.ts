import { PURCHASE_ELIGIBILITY_FIELDS } from "./eligibility"
/** esimfly sells at most 10 eSIMs per create-order (docs: create-order.md, "Quantity Limits"). */
export const MAX_ESIMS_PER_PURCHASE = 10

/** The variant metadata key that marks a variant as an eSIM and names its package. */
export const PACKAGE_CODE_METADATA_KEY = "esimfly_package_code"

/** The cart metadata key under which checkout records each eSIM variant's package code. */
export const CHECKOUT_CODES_METADATA_KEY = "esimfly_package_codes"

/** The cart metadata key under which checkout records what the guard could not check, and why. */
export const CHECKOUT_GUARD_METADATA_KEY = "esimfly_checkout_guard"

export type PlannableItem = {
  id: string
  quantity: number | string
  variant_id?: string | null
  variant?: { metadata?: Record<string, unknown> | null } | null
}

export type PlannableOrder = {
  id: string
  email?: string | null
  customer_id?: string | null
  items?: (PlannableItem | null)[] | null
  /** The cart the order was checked out from: what each eSIM line buys was recorded there. */
  cart?: { metadata?: Record<string, unknown> | null } | null
}

export type EsimOrderDraft = {
  order_id: string
  line_item_id: string
  batch: number
  quantity: number
  package_code: string
  variant_id: string | null
  customer_id: string | null
  email: string | null
  idempotency_key: string
}

const usableCode = (code: unknown): string | null => (typeof code === "string" && code.trim() ? code.trim() : null)

/** The package code a variant maps to now, or null when the line is not an eSIM. */
export function packageCodeOf(item: PlannableItem): string | null {
  return usableCode(item.variant?.metadata?.[PACKAGE_CODE_METADATA_KEY])
}

/** The code recorded at checkout for the line's variant; else (an order made without a cart) the variant's own. */
export function purchasedCodeOf(item: PlannableItem, order: PlannableOrder): string | null {
  const recorded = order.cart?.metadata?.[CHECKOUT_CODES_METADATA_KEY] as Record<string, unknown> | undefined
  const atCheckout =
    item.variant_id && recorded && typeof recorded === "object" ? usableCode(recorded[item.variant_id]) : null
  return atCheckout ?? packageCodeOf(item)
}

/** Splits a quantity into batches of at most 10: 23 → [10, 10, 3]. */
export function splitIntoBatches(quantity: number): number[] {
  const whole = Math.max(0, Math.floor(quantity))
  const batches: number[] = []
  for (let left = whole; left > 0; left -= MAX_ESIMS_PER_PURCHASE) {
    batches.push(Math.min(MAX_ESIMS_PER_PURCHASE, left))
  }
  return batches
}

/** One idempotency key per purchase batch, stable across redeliveries of the same event. */
export function idempotencyKeyFor(orderId: string, lineItemId: string, batch: number): string {
  return `${orderId}:${lineItemId}:${batch}`
}

/** Every eSIM order an order needs; physical lines are left alone. */
export function planEsimOrders(order: PlannableOrder): EsimOrderDraft[] {
  return (order.items ?? []).flatMap((item) => {
    const code = item ? purchasedCodeOf(item, order) : null
    if (!item || !code) {
      return []
    }
    return splitIntoBatches(Number(item.quantity)).map((quantity, batch) => ({
      order_id: order.id,
      line_item_id: item.id,
      batch,
      quantity,
      package_code: code,
      variant_id: item.variant_id ?? null,
      customer_id: order.customer_id ?? null,
      email: order.email ?? null,
      idempotency_key: idempotencyKeyFor(order.id, item.id, batch),
    }))
  })
}

/** What prepare reads of the order, once, for both the eligibility decision and the plan. */
export const PURCHASE_PLAN_FIELDS = [
  ...PURCHASE_ELIGIBILITY_FIELDS,
  "email",
  "customer_id",
  "items.*",
  "items.variant.metadata",
  "cart.metadata",
]
