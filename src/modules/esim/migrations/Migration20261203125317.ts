import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The balance and package-cost mirrors the checkout guard and the admin read instead of esimfly. */
export class Migration20261203125317 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "esimfly_package_cost" drop constraint if exists "esimfly_package_cost_package_code_unique";`
    )
    this.addSql(`alter table if exists "esimfly_balance" drop constraint if exists "esimfly_balance_account_unique";`)
    this.addSql(
      `create table if not exists "esimfly_balance" ("id" text not null, "account" text not null, "amount" numeric not null, "currency" text not null, "read_at" timestamptz not null, "source" text check ("source" in ('create_order', 'cancel', 'refresh', 'admin')) not null, "low_alerted" boolean not null default false, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esimfly_balance_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esimfly_balance_account_unique" ON "esimfly_balance" ("account") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_balance_deleted_at" ON "esimfly_balance" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "esimfly_package_cost" ("id" text not null, "package_code" text not null, "cost" numeric null, "currency" text null, "read_at" timestamptz not null, "source" text check ("source" in ('catalogue', 'lookup')) not null, "raw_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "esimfly_package_cost_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_esimfly_package_cost_package_code_unique" ON "esimfly_package_cost" ("package_code") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_esimfly_package_cost_deleted_at" ON "esimfly_package_cost" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "esimfly_balance" cascade;`)

    this.addSql(`drop table if exists "esimfly_package_cost" cascade;`)
  }
}
