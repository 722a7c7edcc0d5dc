import { ESIM_ORDER_STATUSES } from "../models/esim-order"

export type EsimOrderStatus = (typeof ESIM_ORDER_STATUSES)[number]

/** Intents that a purchase run may buy. */
export const BUYABLE_STATUSES: EsimOrderStatus[] = ["pending"]

/** Intents whose eSIMs are not known yet. */
export const IN_PROGRESS_STATUSES: EsimOrderStatus[] = ["pending", "purchasing", "pending_details"]

/** Intents an admin may retry: nothing was bought, or it must be looked up first. */
export const RETRYABLE_STATUSES: EsimOrderStatus[] = ["held", "failed", "needs_attention"]
