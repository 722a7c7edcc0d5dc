import { model } from "@medusajs/framework/utils"

export const BALANCE_SOURCES = ["create_order", "cancel", "refresh", "admin"] as const

/**
 * The one mirror of the esimfly wholesale balance, shared by every process of the store:
 * fed by each `newBalance` esimfly reports and by reads outside shopper requests, so that
 * the checkout and the admin never need to ask esimfly. Amounts are exact (numeric).
 */
export const EsimflyBalance = model.define("esimfly_balance", {
  id: model.id({ prefix: "esbal" }).primaryKey(),
  /** Always "default": one esimfly account per store. */
  account: model.text().unique(),
  amount: model.bigNumber(),
  currency: model.text(),
  /** When esimfly reported this amount; an older report never overwrites a newer one. */
  read_at: model.dateTime(),
  source: model.enum([...BALANCE_SOURCES]),
  /** Whether the admins were told the balance is under `lowBalanceThreshold`: one alert per crossing, across processes. */
  low_alerted: model.boolean().default(false),
})
