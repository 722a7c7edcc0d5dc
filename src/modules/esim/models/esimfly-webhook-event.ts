import type { InferTypeOf } from "@medusajs/framework/types"
import { model } from "@medusajs/framework/utils"

export const WEBHOOK_EVENT_STATUSES = ["received", "processed", "waiting", "failed"] as const

/**
 * One esimfly webhook delivery, stored before it is answered and processed later, so a
 * replay of the same `X-Webhook-Id` is stored once and a failure is a visible state.
 */
export const EsimflyWebhookEvent = model
  .define("esimfly_webhook_event", {
    id: model.id({ prefix: "eswh" }).primaryKey(),
    webhook_id: model.text().unique(),
    event: model.text(),
    iccid: model.text().nullable(),
    body: model.json().nullable(),
    received_at: model.dateTime(),
    status: model.enum([...WEBHOOK_EVENT_STATUSES]).default("received"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["status", "next_attempt_at"] }, { on: ["iccid"] }])

/** An `esimfly_webhook_event` row as the module reads it. */
export type EsimflyWebhookEventRow = InferTypeOf<typeof EsimflyWebhookEvent>
