import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { UsageFigures } from "./readings"

/** A guarded write on one eSIM: it happens only if the row still holds what the caller read. */
export type EsimMirrorClaim =
  | { kind: "figures"; id: string; figures: UsageFigures; read_at: Date; rearm: boolean }
  | { kind: "usage-alert"; id: string; before: unknown; after: unknown }
  | { kind: "expiry-alert"; id: string; at: Date; window_start: Date }

// A concurrent reading already stored a newer figure: this one is dropped.
const FIGURES_SQL = `update "esim_profile" set "total_mb" = ?, "used_mb" = ?, "remaining_mb" = ?, "is_unlimited" = ?,
  "usage_read_at" = ?, "usage_alerts_sent" = case when ? then '{"thresholds":[]}'::jsonb else "usage_alerts_sent" end,
  "updated_at" = now()
  where "id" = ? and "deleted_at" is null and ("usage_read_at" is null or "usage_read_at" < ?) returning "id"`

// Two readings at once: only the one that still sees the thresholds it read records (and sends) the alert.
const USAGE_ALERT_SQL = `update "esim_profile" set "usage_alerts_sent" = ?::jsonb, "updated_at" = now()
  where "id" = ? and "deleted_at" is null and "usage_alerts_sent" = ?::jsonb returning "id"`

const EXPIRY_ALERT_SQL = `update "esim_profile" set "expiry_alert_sent_at" = ?, "updated_at" = now()
  where "id" = ? and "deleted_at" is null and ("expiry_alert_sent_at" is null or "expiry_alert_sent_at" < ?) returning "id"`

function statement(claim: EsimMirrorClaim): [string, unknown[]] {
  switch (claim.kind) {
    case "figures": {
      const { total_mb, used_mb, remaining_mb, is_unlimited } = claim.figures
      const values = [total_mb, used_mb, remaining_mb, is_unlimited, claim.read_at, claim.rearm]
      return [FIGURES_SQL, [...values, claim.id, claim.read_at]]
    }
    case "usage-alert":
      return [USAGE_ALERT_SQL, [JSON.stringify(claim.after), claim.id, JSON.stringify(claim.before)]]
    case "expiry-alert":
      return [EXPIRY_ALERT_SQL, [claim.at, claim.id, claim.window_start]]
  }
}

/** Runs one guarded write; true only for the caller whose write happened. */
export async function claimEsimMirror(manager: SqlEntityManager, claim: EsimMirrorClaim): Promise<boolean> {
  const [sql, values] = statement(claim)
  const rows: unknown[] = await manager.execute(sql, values)
  return rows.length === 1
}
