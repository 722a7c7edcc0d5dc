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

/** How long a run holds a claimed event; a run that dies leaves it `waiting`, so the retry job takes it after this. */
export const WEBHOOK_CLAIM_LEASE_MS = 2 * 60 * 1000

/**
 * Claims a `received` or due `waiting` event for one run in a single guarded update (it becomes
 * `waiting` under a lease, one more attempt), so of the subscriber and the retry job exactly one
 * applies it. The attempt number for the winner; null when another run holds or finished it.
 */
export async function claimWebhookEvent(manager: SqlEntityManager, id: string, now: Date): Promise<number | null> {
  const rows: { attempts: number }[] = await manager.execute(
    `update "esimfly_webhook_event" set "status" = 'waiting', "attempts" = "attempts" + 1,
       "next_attempt_at" = ?, "updated_at" = now()
     where "id" = ? and "deleted_at" is null and ("status" = 'received'
       or ("status" = 'waiting' and ("next_attempt_at" is null or "next_attempt_at" <= ?)))
     returning "attempts"`,
    [new Date(now.getTime() + WEBHOOK_CLAIM_LEASE_MS), id, now]
  )
  return rows[0] ? Number(rows[0].attempts) : null
}

/** What the receiver and "Connect webhooks" write on the one webhook state row. */
export type WebhookStateChange =
  | { kind: "refused"; at: Date }
  | { kind: "stored"; event: string; at: Date }
  | { kind: "connected"; url: string; events: string[]; secret: string; at: Date }

const UPSERT_STATE = `insert into "esimfly_webhook_state" ("id", "account", "url", "events", "secret", "connected_at",
    "last_event_at", "last_event", "failed_signatures", "last_failed_signature_at")
  values (?, 'default', ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
  on conflict ("account") where "deleted_at" is null do update set "updated_at" = now(), `

const ON_CONFLICT: Record<WebhookStateChange["kind"], string> = {
  refused: `"failed_signatures" = "esimfly_webhook_state"."failed_signatures" + 1,
    "last_failed_signature_at" = excluded."last_failed_signature_at"`,
  stored: `"last_event_at" = excluded."last_event_at", "last_event" = excluded."last_event"`,
  connected: `"url" = excluded."url", "events" = excluded."events", "secret" = excluded."secret",
    "connected_at" = excluded."connected_at"`,
}

/** One statement per change, creating the row on first use, so the receiver pays a single cheap write. */
export async function writeWebhookState(manager: SqlEntityManager, change: WebhookStateChange): Promise<void> {
  const connected = change.kind === "connected" ? change : null
  await manager.execute(UPSERT_STATE + ON_CONFLICT[change.kind], [
    generateEntityId(undefined, "eswst"),
    connected?.url ?? null,
    connected ? JSON.stringify(connected.events) : null,
    connected?.secret ?? null,
    connected ? change.at : null,
    change.kind === "stored" ? change.at : null,
    change.kind === "stored" ? change.event : null,
    change.kind === "refused" ? 1 : 0,
    change.kind === "refused" ? change.at : null,
  ])
}

/** Stores a delivery once per `X-Webhook-Id` and, when it is new, notes it as the last event received. */
export async function storeWebhookDelivery(manager: SqlEntityManager, row: NewWebhookEvent): Promise<string | null> {
  const id = await insertWebhookEvent(manager, row)
  if (id) {
    await writeWebhookState(manager, { kind: "stored", event: row.event, at: row.received_at })
  }
  return id
}
