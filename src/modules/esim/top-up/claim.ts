import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"

/** What a run writes when it claims a top-up: the eSIM's data total read just before the call. */
export type TopUpClaim = { kind: "buy"; at: Date; total_mb_before: number | null } | { kind: "email"; at: Date }

/**
 * One guarded update, so that of any number of racing runs exactly one wins: `buy` moves a
 * `pending` top-up no cancel was asked for to `buying`; `email` marks a bought top-up's email
 * as sent, once.
 */
export async function claimTopUp(manager: SqlEntityManager, id: string, claim: TopUpClaim): Promise<boolean> {
  const rows: unknown[] =
    claim.kind === "buy"
      ? await manager.execute(
          `update "esim_top_up" set "status" = 'buying', "total_mb_before" = ?, "attempts" = "attempts" + 1,
             "last_attempt_at" = ?, "error_code" = null, "error_message" = null, "updated_at" = now()
           where "id" = ? and "status" = 'pending' and "cancel_requested_at" is null and "deleted_at" is null
           returning "id"`,
          [claim.total_mb_before, claim.at, id]
        )
      : await manager.execute(
          `update "esim_top_up" set "email_sent_at" = ?, "updated_at" = now()
           where "id" = ? and "status" = 'bought' and "email_sent_at" is null and "deleted_at" is null
           returning "id"`,
          [claim.at, id]
        )
  return rows.length === 1
}
