import { IntentHistory } from "./history"

/** What a run writes when it claims a `pending` intent for one create-order. */
export type PurchaseClaim = {
  request_id: string
  at: Date
  history: IntentHistory
  /** Send a cancelled intent's own idempotency key again, only to learn what esimfly holds. */
  replay: boolean
}
