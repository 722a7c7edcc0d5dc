import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const renameEvents = (from: string, to: string) => `
  update "esim_order" set "history" = jsonb_set("history", '{events}', (
    select coalesce(jsonb_agg(
      case when e->>'type' = '${from}' then jsonb_set(e, '{type}', to_jsonb('${to}'::text)) else e end order by i), '[]'::jsonb)
    from jsonb_array_elements("history"->'events') with ordinality as t(e, i)))
  where jsonb_typeof("history"->'events') = 'array' and "history"::text like '%"${from}"%';`

/** The plugin spells "canceled" as Medusa does; esimfly's "cancelled" stays only in its wire answers. */
export class Migration20261203163000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "esim_profile" set "status" = 'canceled' where "status" = 'cancelled';`)
    this.addSql(renameEvents("cancelled", "canceled"))
    this.addSql(renameEvents("already_cancelled", "already_canceled"))
  }

  override async down(): Promise<void> {
    this.addSql(`update "esim_profile" set "status" = 'cancelled' where "status" = 'canceled';`)
    this.addSql(renameEvents("canceled", "cancelled"))
    this.addSql(renameEvents("already_canceled", "already_cancelled"))
  }
}
