// No imports: the admin bundle reads these lists too.

/** Every state of an eSIM order; the model, the route validators and the admin use this one list. */
export const ESIM_ORDER_STATUSES = [
  "pending",
  "purchasing",
  "completed",
  "pending_details",
  "held",
  "failed",
  "needs_attention",
] as const

export type EsimOrderStatus = (typeof ESIM_ORDER_STATUSES)[number]

/** eSIM orders that a purchase run may buy. */
export const BUYABLE_STATUSES: readonly EsimOrderStatus[] = ["pending"]

/** eSIM orders whose eSIMs are not known yet. */
export const IN_PROGRESS_STATUSES: readonly EsimOrderStatus[] = ["pending", "purchasing", "pending_details"]

/** eSIM orders an admin may retry: nothing was bought, or it must be looked up first. */
export const RETRYABLE_STATUSES: readonly EsimOrderStatus[] = ["held", "failed", "needs_attention"]
