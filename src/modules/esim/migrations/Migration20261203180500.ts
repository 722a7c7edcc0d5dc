import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** esimfly webhook deliveries, stored once per `X-Webhook-Id`, and the eSIM life columns they feed. */
export class Migration20261203180500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "esimfly_webhook_event" ("id" text not null, "webhook_id" text not null, "event" text not null, "iccid" text null, "body" jsonb null, "received_at" timestamptz not null, "status" text check ("status" in ('received', 'processed', 'waiting', 'failed')) not null default 'received', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esimfly_webhook_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esimfly_webhook_event_webhook_id_unique" ON "esimfly_webhook_event" ("webhook_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_webhook_event_deleted_at" ON "esimfly_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_webhook_event_status_next_attempt_at" ON "esimfly_webhook_event" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_webhook_event_iccid" ON "esimfly_webhook_event" ("iccid") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `alter table if exists "esim_profile" add column if not exists "lifecycle_status" text check ("lifecycle_status" in ('new', 'active', 'depleted', 'expired', 'canceled')) not null default 'new', add column if not exists "installed_at" timestamptz null, add column if not exists "status_changed_at" timestamptz null, add column if not exists "expires_at" timestamptz null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "esimfly_webhook_event" cascade;`)
    this.addSql(
      `alter table if exists "esim_profile" drop column if exists "lifecycle_status", drop column if exists "installed_at", drop column if exists "status_changed_at", drop column if exists "expires_at";`
    )
  }
}
