import type { InferTypeOf } from "@medusajs/framework/types"
import { model } from "@medusajs/framework/utils"
import { EsimOrder } from "./esim-order"

export const LIFECYCLE_STATUSES = ["new", "active", "depleted", "expired", "canceled"] as const

/** One eSIM as esimfly delivered it, with everything a shopper needs to install it. */
export const EsimProfile = model
  .define("esim_profile", {
    id: model.id({ prefix: "esim" }).primaryKey(),
    iccid: model.text().unique(),
    order_id: model.text().index(),
    line_item_id: model.text(),
    customer_id: model.text().nullable(),
    lpa: model.text().nullable(),
    smdp_address: model.text().nullable(),
    activation_code: model.text().nullable(),
    apple_install_url: model.text().nullable(),
    android_install_url: model.text().nullable(),
    package_code: model.text(),
    package_name: model.text().nullable(),
    data_amount: model.text().nullable(),
    validity_days: model.number().nullable(),
    status: model.text().default("new"),
    /** Where the eSIM is in its life, from esimfly's webhooks; never moves backwards (lifecycle/status.ts). */
    lifecycle_status: model.enum([...LIFECYCLE_STATUSES]).default("new"),
    installed_at: model.dateTime().nullable(),
    status_changed_at: model.dateTime().nullable(),
    expires_at: model.dateTime().nullable(),
    /** Data in MB as esimfly last reported it (usage query, threshold event or the nightly list); null before any read. */
    total_mb: model.number().nullable(),
    used_mb: model.number().nullable(),
    remaining_mb: model.number().nullable(),
    is_unlimited: model.boolean().default(false),
    /** When the data figures were read; the usage query is not asked again inside the cache window. */
    usage_read_at: model.dateTime().nullable(),
    /** When esimfly answered the usage query 404, which is final (lifecycle.md): the query is never asked again. */
    usage_not_found_at: model.dateTime().nullable(),
    /** Remaining-MB thresholds the shopper was already told about, so each is emailed once per package. */
    usage_alerts_sent: model.json().default({ thresholds: [] }),
    /** When the shopper was told the eSIM expires soon; once per expiry date. */
    expiry_alert_sent_at: model.dateTime().nullable(),
    esim_order: model.belongsTo(() => EsimOrder, { mappedBy: "esims" }),
  })
  .indexes([{ on: ["customer_id"] }])

/** An `esim_profile` row as the module reads it; every narrower shape is a `Pick` of it. */
export type EsimProfileRow = InferTypeOf<typeof EsimProfile>
