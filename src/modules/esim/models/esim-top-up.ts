import type { InferTypeOf } from "@medusajs/framework/types"
import { model } from "@medusajs/framework/utils"

export const TOP_UP_STATUSES = ["pending", "buying", "bought", "unknown", "held", "failed", "canceled"] as const

/**
 * A top-up bought through the store: one line item of an order adding data to an eSIM the
 * shopper owns. Written before esimfly's top-up order is sent (once: it has no idempotency key),
 * so a lost answer is settled from the eSIM's `total_mb` against `total_mb_before`, never by resending.
 */
export const EsimTopUp = model
  .define("esim_top_up", {
    id: model.id({ prefix: "estop" }).primaryKey(),
    order_id: model.text().index(),
    line_item_id: model.text().unique(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    iccid: model.text(),
    package_code: model.text(),
    package_name: model.text().nullable(),
    data_mb: model.number().nullable(),
    validity_days: model.number().nullable(),
    quantity: model.number().default(1),
    /** What the shopper paid, in the order's currency. */
    amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    status: model.enum([...TOP_UP_STATUSES]).default("pending"),
    /** The eSIM's `total_mb` read just before the call: a lost answer is decided against it. */
    total_mb_before: model.number().nullable(),
    total_mb_after: model.number().nullable(),
    request_id: model.text().nullable(),
    esimfly_order_reference: model.text().nullable(),
    /** What esimfly charged, in its currency. */
    cost: model.bigNumber().nullable(),
    cost_currency: model.text().nullable(),
    attempts: model.number().default(0),
    last_attempt_at: model.dateTime().nullable(),
    bought_at: model.dateTime().nullable(),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    cancel_requested_at: model.dateTime().nullable(),
    email_sent_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["iccid"] }, { on: ["status"] }])

/** An `esim_top_up` row as the module reads it; every narrower shape is a `Pick` of it. */
export type EsimTopUpRow = InferTypeOf<typeof EsimTopUp>
