import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { EsimOrderHistory } from "./history"

/** What a run writes when it claims a `pending` eSIM order for one create-order. */
export type PurchaseClaim = {
  request_id: string
  at: Date
  history: EsimOrderHistory
  /** Send a canceled eSIM order's own idempotency key again, only to learn what esimfly holds. */
  replay: boolean
}

/**
 * Moves one eSIM order from `pending` to `purchasing` in a single guarded update, so that of
 * any number of racing runs exactly one wins, lock or no lock. A canceled eSIM order is
 * claimed only to replay its own idempotency key (`claim.replay`).
 */
export async function claimForPurchase(manager: SqlEntityManager, id: string, claim: PurchaseClaim): Promise<boolean> {
  const rows: unknown[] = await manager.execute(
    `update "esim_order" set "status" = 'purchasing', "request_id" = ?, "attempts" = "attempts" + 1,
       "last_attempt_at" = ?, "history" = ?::jsonb, "updated_at" = now()
     where "id" = ? and "status" = 'pending' and "deleted_at" is null and ("cancel_requested_at" is null or ?)
     returning "id"`,
    [claim.request_id, claim.at, JSON.stringify(claim.history), id, claim.replay]
  )
  return rows.length === 1
}
