/** When the plugin buys an order's eSIMs: once the shopper placed it, or once its payment is captured. */
export const BUY_WHEN = ["placed", "captured"] as const

export type BuyWhen = (typeof BUY_WHEN)[number]

export type IneligibleReason = "not_found" | "draft" | "archived" | "canceled" | "payment_canceled" | "awaiting_capture"

export type PurchaseEligibility = { eligible: true } | { eligible: false; reason: IneligibleReason }

type PaymentFacts = { captured_at?: Date | string | null; canceled_at?: Date | string | null }

type CollectionFacts = { status?: string | null; payments?: (PaymentFacts | null)[] | null }

/** The order fields the decision reads; PURCHASE_ELIGIBILITY_FIELDS fetches them. */
export type EligibilityOrder = {
  status?: string | null
  is_draft_order?: boolean | null
  payment_collections?: (CollectionFacts | null)[] | null
}

/** Query fields of an order that purchaseEligibility needs. */
export const PURCHASE_ELIGIBILITY_FIELDS = [
  "id",
  "status",
  "is_draft_order",
  "payment_collections.status",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

const no = (reason: IneligibleReason): PurchaseEligibility => ({ eligible: false, reason })

function paymentState(order: EligibilityOrder): "captured" | "canceled" | "open" {
  const collections = (order.payment_collections ?? []).filter((c): c is CollectionFacts => !!c)
  const payments = collections.flatMap((c) => (c.payments ?? []).filter((p): p is PaymentFacts => !!p))
  const live = payments.filter((p) => !p.canceled_at)
  // A payment is marked captured only once captured in full; the collection is "completed" then too.
  if (live.some((p) => p.captured_at) || collections.some((c) => c.status === "completed")) {
    return "captured"
  }
  const collectionsCanceled = collections.length > 0 && collections.every((c) => c.status === "canceled")
  return collectionsCanceled || (payments.length > 0 && !live.length) ? "canceled" : "open"
}

/**
 * Whether the plugin may buy an order's eSIMs now. Only an order a shopper placed buys:
 * never a draft an admin is still preparing, an archived or canceled order, or one whose
 * every authorization was canceled. With `buyWhen: "captured"` it also waits for the capture,
 * because an installed eSIM cannot be taken back from a fraudulent card.
 */
export function purchaseEligibility(order: EligibilityOrder | null | undefined, buyWhen: BuyWhen): PurchaseEligibility {
  if (!order) {
    return no("not_found")
  }
  if (order.is_draft_order || order.status === "draft") {
    return no("draft")
  }
  if (order.status === "archived" || order.status === "canceled") {
    return no(order.status)
  }
  const payment = paymentState(order)
  if (payment === "canceled") {
    return no("payment_canceled")
  }
  return buyWhen === "captured" && payment !== "captured" ? no("awaiting_capture") : { eligible: true }
}
