import { z } from "@medusajs/framework/zod"
import { isoDateParam } from "../../utils/iso-date"

const page = z.coerce.number({ error: "must be a positive integer" }).int({ error: "must be a positive integer" }).min(1, { error: "must be a positive integer" })
const limit = z.coerce.number().int().min(1).max(100, { error: "must be at most 100" })

/** Every documented filter of esimfly's order history (orders.md, "Query Parameters"). */
export const AdminGetEsimflyOrders = z.object({
  page: page.optional(),
  limit: limit.optional(),
  status: z.enum(["all", "pending", "completed", "failed", "cancelled"]).optional(),
  from_date: isoDateParam("from_date").optional(),
  to_date: isoDateParam("to_date").optional(),
  search: z.string().max(200).optional(),
  sort_by: z.enum(["created_at", "amount", "status"]).optional(),
  sort_order: z.enum(["asc", "desc"]).optional(),
})
export type AdminGetEsimflyOrders = z.infer<typeof AdminGetEsimflyOrders>

export const AdminGetEsimflyBalance = z.object({})
export type AdminGetEsimflyBalance = z.infer<typeof AdminGetEsimflyBalance>

export const AdminGetEsimflyProfit = z.object({ from_date: isoDateParam("from_date").optional(), to_date: isoDateParam("to_date").optional() })
export type AdminGetEsimflyProfit = z.infer<typeof AdminGetEsimflyProfit>

export const AdminGetEsimflyPackages = z.object({
  search: z.string().max(200).optional(),
  type: z.enum(["local", "regional", "global"]).optional(),
  country: z.string().length(2, { error: "must be a 2-letter country code" }).optional(),
  page: page.optional(),
  limit: limit.optional(),
})
export type AdminGetEsimflyPackages = z.infer<typeof AdminGetEsimflyPackages>
