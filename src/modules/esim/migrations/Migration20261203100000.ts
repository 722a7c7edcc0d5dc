import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A cancel is recorded on the order's eSIM orders at once, before any lock is taken. */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "esim_order" add column if not exists "cancel_requested_at" timestamptz null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "esim_order" drop column if exists "cancel_requested_at";`)
  }
}
