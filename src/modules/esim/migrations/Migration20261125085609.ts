import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125085609 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "esim_profile" drop constraint if exists "esim_profile_iccid_unique";`)
    this.addSql(
      `alter table if exists "esim_order" drop constraint if exists "esim_order_order_id_line_item_id_batch_unique";`
    )
    this.addSql(`alter table if exists "esim_order" drop constraint if exists "esim_order_idempotency_key_unique";`)
    this.addSql(`alter table if exists "esim_delivery" drop constraint if exists "esim_delivery_order_id_unique";`)
    this.addSql(
      `create table if not exists "esim_delivery" ("id" text not null, "order_id" text not null, "access_token_hash" text not null, "notification_id" text null, "notification_status" text check ("notification_status" in ('not_sent', 'sent', 'failed')) not null default 'not_sent', "notification_error" text null, "notified_at" timestamptz null, "notified_esim_count" integer not null default 0, "sent_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esim_delivery_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esim_delivery_order_id_unique" ON "esim_delivery" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_delivery_deleted_at" ON "esim_delivery" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "esim_order" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "batch" integer not null, "variant_id" text null, "customer_id" text null, "email" text null, "package_code" text not null, "quantity" integer not null, "status" text check ("status" in ('pending', 'purchasing', 'completed', 'pending_details', 'held', 'failed', 'needs_attention')) not null default 'pending', "idempotency_key" text not null, "request_id" text null, "attempts" integer not null default 0, "last_attempt_at" timestamptz null, "esimfly_order_reference" text null, "amount" numeric null, "currency_code" text null, "error_code" text null, "error_message" text null, "current_balance" numeric null, "required_balance" numeric null, "pending_since" timestamptz null, "next_poll_at" timestamptz null, "poll_count" integer not null default 0, "completed_at" timestamptz null, "fulfillment_id" text null, "history" jsonb not null default '{"events":[]}', "raw_amount" jsonb null, "raw_current_balance" jsonb null, "raw_required_balance" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esim_order_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_order_order_id" ON "esim_order" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esim_order_idempotency_key_unique" ON "esim_order" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_order_deleted_at" ON "esim_order" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esim_order_order_id_line_item_id_batch_unique" ON "esim_order" ("order_id", "line_item_id", "batch") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_order_status" ON "esim_order" ("status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "esim_profile" ("id" text not null, "iccid" text not null, "order_id" text not null, "line_item_id" text not null, "customer_id" text null, "lpa" text null, "smdp_address" text null, "activation_code" text null, "apple_install_url" text null, "android_install_url" text null, "package_code" text not null, "package_name" text null, "data_amount" text null, "validity_days" integer null, "status" text not null default 'new', "esim_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esim_profile_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esim_profile_iccid_unique" ON "esim_profile" ("iccid") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_profile_order_id" ON "esim_profile" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_profile_esim_order_id" ON "esim_profile" ("esim_order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_profile_deleted_at" ON "esim_profile" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esim_profile_customer_id" ON "esim_profile" ("customer_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "esim_profile" add constraint "esim_profile_esim_order_id_foreign" foreign key ("esim_order_id") references "esim_order" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "esim_profile" drop constraint if exists "esim_profile_esim_order_id_foreign";`)

    this.addSql(`drop table if exists "esim_delivery" cascade;`)

    this.addSql(`drop table if exists "esim_order" cascade;`)

    this.addSql(`drop table if exists "esim_profile" cascade;`)
  }
}
