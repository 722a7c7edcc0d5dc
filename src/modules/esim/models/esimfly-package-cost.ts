import { model } from "@medusajs/framework/utils"

export const PACKAGE_COST_SOURCES = ["catalogue", "lookup"] as const

/**
 * What esimfly charges for one eSIM of a package, mirrored for the checkout guard and the
 * margin checks: filled by the catalogue sync and, for hand-mapped codes, by a light lookup
 * job, never during a shopper's request.
 */
export const EsimflyPackageCost = model.define("esimfly_package_cost", {
  id: model.id({ prefix: "espcost" }).primaryKey(),
  package_code: model.text().unique(),
  /** Null while esimfly does not list the package (or lists it without a cost). */
  cost: model.bigNumber().nullable(),
  currency: model.text().nullable(),
  read_at: model.dateTime(),
  source: model.enum([...PACKAGE_COST_SOURCES]),
})
