import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Guest tokens expire: rows from before this column get `guestAccessTtlDays`'s default, 90 days from their last send. */
export class Migration20261203094500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "esim_delivery" add column if not exists "access_token_expires_at" timestamptz null;`
    )
    this.addSql(
      `update "esim_delivery" set "access_token_expires_at" = "updated_at" + interval '90 days' where "access_token_expires_at" is null;`
    )
    this.addSql(`alter table if exists "esim_delivery" alter column "access_token_expires_at" set not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "esim_delivery" drop column if exists "access_token_expires_at";`)
  }
}
