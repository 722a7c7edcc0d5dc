import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import type { NewWebhookEvent } from "./receive"

/** Stores a delivery once per `X-Webhook-Id` in one statement; null when that id is already stored (a replay). */
export async function insertWebhookEvent(manager: SqlEntityManager, row: NewWebhookEvent): Promise<string | null> {
  const rows: { id: string }[] = await manager.execute(
    `insert into "esimfly_webhook_event" ("id", "webhook_id", "event", "iccid", "body", "received_at", "status", "error")
     values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
     on conflict ("webhook_id") where "deleted_at" is null do nothing
     returning "id"`,
    [
      generateEntityId(undefined, "eswh"),
      row.webhook_id,
      row.event,
      row.iccid,
      row.body === null ? null : JSON.stringify(row.body),
      row.received_at,
      row.status,
      row.error,
    ]
  )
  return rows[0]?.id ?? null
}
