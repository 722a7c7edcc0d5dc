import { model } from "@medusajs/framework/utils"

/**
 * The shopper-facing side of one Medusa order: the guest access token (stored only as a
 * hash) and the state of the delivery email.
 */
export const EsimDelivery = model.define("esim_delivery", {
  id: model.id({ prefix: "esdel" }).primaryKey(),
  order_id: model.text().unique(),
  access_token_hash: model.text(),
  /** The token opens the order's eSIMs until then (`guestAccessTtlDays` after it was emailed). */
  access_token_expires_at: model.dateTime(),
  notification_id: model.text().nullable(),
  notification_status: model.enum(["not_sent", "sent", "failed"]).default("not_sent"),
  notification_error: model.text().nullable(),
  notified_at: model.dateTime().nullable(),
  /** How many eSIMs the last email carried: more eSIMs later (a retried line) means a new email. */
  notified_esim_count: model.number().default(0),
  sent_count: model.number().default(0),
})
