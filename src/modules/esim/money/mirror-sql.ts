import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import { BALANCE_ACCOUNT, BalanceReading, PackageCostReading, PackageCostSource } from "./mirrors"

/**
 * Upserts of the balance and package-cost mirrors. Each keeps the newest reading: a report
 * that arrives late (an older `newBalance`, a slow lookup) never overwrites a newer one.
 */
const UPSERT_BALANCE_SQL = `
  insert into "esimfly_balance" ("id", "account", "amount", "raw_amount", "currency", "read_at", "source")
  values (?, ?, ?, jsonb_build_object('value', ?::text, 'precision', 20), ?, ?, ?)
  on conflict ("account") where "deleted_at" is null do update
    set "amount" = excluded."amount", "raw_amount" = excluded."raw_amount", "currency" = excluded."currency", "read_at" = excluded."read_at",
        "source" = excluded."source", "updated_at" = now()
    where "esimfly_balance"."read_at" <= excluded."read_at"
  returning "id"`

/** Flips `low_alerted` only when it changes, so one process of many sends the alert. */
const MARK_BALANCE_ALERT_SQL = `
  update "esimfly_balance" set "low_alerted" = ?, "updated_at" = now()
  where "account" = ? and "deleted_at" is null and "low_alerted" <> ?
  returning "id"`

const UPSERT_PACKAGE_COSTS_SQL = `
  insert into "esimfly_package_cost" ("id", "package_code", "cost", "raw_cost", "currency", "read_at", "source")
  select x."id", x."package_code", x."cost"::numeric,
    case when x."cost" is null then null else jsonb_build_object('value', x."cost", 'precision', 20) end,
    x."currency", ?, ?
  from jsonb_to_recordset(?::jsonb) as x("id" text, "package_code" text, "cost" text, "currency" text)
  on conflict ("package_code") where "deleted_at" is null do update
    set "cost" = excluded."cost", "raw_cost" = excluded."raw_cost", "currency" = excluded."currency", "read_at" = excluded."read_at",
        "source" = excluded."source", "updated_at" = now()
    where "esimfly_package_cost"."read_at" <= excluded."read_at"`

/** Records a balance esimfly reported, unless a newer report is already mirrored. */
export async function upsertBalance(manager: SqlEntityManager, reading: BalanceReading): Promise<void> {
  const id = generateEntityId(undefined, "esbal")
  const { amount, currency, read_at, source } = reading
  await manager.execute(UPSERT_BALANCE_SQL, [id, BALANCE_ACCOUNT, amount, String(amount), currency, read_at, source])
}

/** Sets whether the admins were told of a low balance; true only for the one call that changed it. */
export async function markBalanceAlert(manager: SqlEntityManager, low: boolean): Promise<boolean> {
  const rows: unknown[] = await manager.execute(MARK_BALANCE_ALERT_SQL, [low, BALANCE_ACCOUNT, low])
  return rows.length === 1
}

/** Records what esimfly charges per package, keeping newer readings. */
export async function upsertPackageCosts(
  manager: SqlEntityManager,
  readings: PackageCostReading[],
  source: PackageCostSource,
  at: Date
): Promise<void> {
  if (!readings.length) {
    return
  }
  // One row per code: an upsert may not touch a row twice.
  const byCode = new Map(readings.map((r) => [r.package_code, r]))
  const rows = [...byCode.values()].map((r) => ({
    ...r,
    cost: r.cost === null ? null : String(r.cost),
    id: generateEntityId(undefined, "espcost"),
  }))
  await manager.execute(UPSERT_PACKAGE_COSTS_SQL, [at, source, JSON.stringify(rows)])
}
