import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** esimfly's 404 to the usage query is final: the eSIM remembers it and is never queried again. */
export class Migration20261203203000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "esim_profile" add column if not exists "usage_not_found_at" timestamptz null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "esim_profile" drop column if exists "usage_not_found_at";`)
  }
}
