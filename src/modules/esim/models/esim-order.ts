import type { InferTypeOf } from "@medusajs/framework/types"
import { model } from "@medusajs/framework/utils"
import { ESIM_ORDER_STATUSES } from "./esim-order-statuses"
import { EsimProfile } from "./esim-profile"

export { ESIM_ORDER_STATUSES }

/**
 * An eSIM order: one esimfly create-order for one batch (≤ 10 eSIMs) of one line
 * item. It is written before the call and updated after it, so a crash or an error
 * always leaves a visible state.
 */
export const EsimOrder = model
  .define("esim_order", {
    id: model.id({ prefix: "esord" }).primaryKey(),
    order_id: model.text().index(),
    line_item_id: model.text(),
    batch: model.number(),
    variant_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    package_code: model.text(),
    quantity: model.number(),
    status: model.enum([...ESIM_ORDER_STATUSES]).default("pending"),
    idempotency_key: model.text().unique(),
    request_id: model.text().nullable(),
    attempts: model.number().default(0),
    last_attempt_at: model.dateTime().nullable(),
    esimfly_order_reference: model.text().nullable(),
    amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    current_balance: model.bigNumber().nullable(),
    required_balance: model.bigNumber().nullable(),
    pending_since: model.dateTime().nullable(),
    next_poll_at: model.dateTime().nullable(),
    poll_count: model.number().default(0),
    completed_at: model.dateTime().nullable(),
    fulfillment_id: model.text().nullable(),
    /** Set the moment a cancel is asked for, before any lock: every buy, delivery and email checks it. */
    cancel_requested_at: model.dateTime().nullable(),
    history: model.json().default({ events: [] }),
    esims: model.hasMany(() => EsimProfile, { mappedBy: "esim_order" }),
  })
  .indexes([{ on: ["order_id", "line_item_id", "batch"], unique: true }, { on: ["status"] }])

/** An `esim_order` row as the module reads it; every narrower shape is a `Pick` of it. */
export type EsimOrderRow = InferTypeOf<typeof EsimOrder>
