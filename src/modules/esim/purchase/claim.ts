import { EsimOrderHistory } from "./history"

/** What a run writes when it claims a `pending` eSIM order for one create-order. */
export type PurchaseClaim = {
  request_id: string
  at: Date
  history: EsimOrderHistory
  /** Send a canceled eSIM order's own idempotency key again, only to learn what esimfly holds. */
  replay: boolean
}
