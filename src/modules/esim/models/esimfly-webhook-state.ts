import type { InferTypeOf } from "@medusajs/framework/types"
import { model } from "@medusajs/framework/utils"

/**
 * The store's one webhook connection with esimfly and what the receiver saw. The secret is
 * written by "Connect webhooks" and read only to check signatures: no route, log or error shows it.
 */
export const EsimflyWebhookState = model.define("esimfly_webhook_state", {
  id: model.id({ prefix: "eswst" }).primaryKey(),
  /** Always "default": one esimfly account per store. */
  account: model.text().unique(),
  url: model.text().nullable(),
  events: model.json().nullable(),
  secret: model.text().nullable(),
  connected_at: model.dateTime().nullable(),
  last_event_at: model.dateTime().nullable(),
  last_event: model.text().nullable(),
  failed_signatures: model.number().default(0),
  last_failed_signature_at: model.dateTime().nullable(),
})

/** An `esimfly_webhook_state` row as the module reads it. */
export type EsimflyWebhookStateRow = InferTypeOf<typeof EsimflyWebhookState>
