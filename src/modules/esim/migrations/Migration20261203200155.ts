import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** eSIM data mirror columns, top-ups bought through the store, and the webhook connection. */
export class Migration20261203200155 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "esim_top_up" drop constraint if exists "esim_top_up_line_item_id_unique";`)
    this.addSql(
      `alter table if exists "esimfly_webhook_state" drop constraint if exists "esimfly_webhook_state_account_unique";`
    )
    this.addSql(
      `create table if not exists "esimfly_webhook_state" ("id" text not null, "account" text not null, "url" text null, "events" jsonb null, "secret" text null, "connected_at" timestamptz null, "last_event_at" timestamptz null, "last_event" text null, "failed_signatures" integer not null default 0, "last_failed_signature_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esimfly_webhook_state_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esimfly_webhook_state_account_unique" ON "esimfly_webhook_state" ("account") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_webhook_state_deleted_at" ON "esimfly_webhook_state" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "esim_top_up" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "customer_id" text null, "email" text null, "iccid" text not null, "package_code" text not null, "package_name" text null, "data_mb" integer null, "validity_days" integer null, "quantity" integer not null default 1, "amount" numeric null, "currency_code" text null, "status" text check ("status" in ('pending', 'buying', 'bought', 'unknown', 'held', 'failed', 'canceled')) not null default 'pending', "total_mb_before" integer null, "total_mb_after" integer null, "request_id" text null, "esimfly_order_reference" text null, "cost" numeric null, "cost_currency" text null, "attempts" integer not null default 0, "last_attempt_at" timestamptz null, "bought_at" timestamptz null, "error_code" text null, "error_message" text null, "cancel_requested_at" timestamptz null, "email_sent_at" timestamptz null, "raw_amount" jsonb null, "raw_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esim_top_up_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_top_up_order_id" ON "esim_top_up" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esim_top_up_line_item_id_unique" ON "esim_top_up" ("line_item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_top_up_deleted_at" ON "esim_top_up" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_top_up_iccid" ON "esim_top_up" ("iccid") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_top_up_status" ON "esim_top_up" ("status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "esim_profile" add column if not exists "total_mb" integer null, add column if not exists "used_mb" integer null, add column if not exists "remaining_mb" integer null, add column if not exists "is_unlimited" boolean not null default false, add column if not exists "usage_read_at" timestamptz null, add column if not exists "usage_alerts_sent" jsonb not null default '{"thresholds":[]}', add column if not exists "expiry_alert_sent_at" timestamptz null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "esimfly_webhook_state" cascade;`)

    this.addSql(`drop table if exists "esim_top_up" cascade;`)

    this.addSql(
      `alter table if exists "esim_profile" drop column if exists "total_mb", drop column if exists "used_mb", drop column if exists "remaining_mb", drop column if exists "is_unlimited", drop column if exists "usage_read_at", drop column if exists "usage_alerts_sent", drop column if exists "expiry_alert_sent_at";`
    )
  }
}
