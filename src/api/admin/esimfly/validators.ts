import { z } from "@medusajs/framework/zod"
import { isoDateParam } from "../../utils/iso-date"

const page = z.coerce
  .number({ error: "must be a positive integer" })
  .int({ error: "must be a positive integer" })
  .min(1, { error: "must be a positive integer" })
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

/** `refresh=true` reads esimfly now, past the short cache: an explicit click, never a page load. */
export const AdminGetEsimflyBalance = z.object({
  refresh: z.enum(["true", "false"], { error: "Field 'refresh' must be true or false" }).optional(),
})
export type AdminGetEsimflyBalance = z.infer<typeof AdminGetEsimflyBalance>

export const AdminGetEsimflyRateLimit = z.object({})
export type AdminGetEsimflyRateLimit = z.infer<typeof AdminGetEsimflyRateLimit>

export const AdminGetEsimflyProfit = z.object({
  from_date: isoDateParam("from_date").optional(),
  to_date: isoDateParam("to_date").optional(),
})
export type AdminGetEsimflyProfit = z.infer<typeof AdminGetEsimflyProfit>

export const AdminGetEsimflyPackages = z.object({
  search: z.string().max(200).optional(),
  type: z.enum(["local", "regional", "global"]).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, { error: "Field 'country' must be a 2-letter country code" })
    .optional(),
  page: page.optional(),
  limit: limit.optional(),
})
export type AdminGetEsimflyPackages = z.infer<typeof AdminGetEsimflyPackages>

/** Runs one catalogue sync; any filter given replaces option `catalogue` for this run. */
export const AdminSyncEsimflyCatalogue = z.object({
  types: z
    .array(z.enum(["local", "regional", "global"], { error: 'must be "local", "regional" or "global"' }))
    .min(1)
    .optional(),
  regions: z.array(z.string().trim().min(1).max(100)).min(1).optional(),
  countries: z
    .array(z.string().length(2, { error: "must be a 2-letter country code" }).toUpperCase())
    .min(1)
    .optional(),
  package_codes: z.array(z.string().trim().min(1).max(200)).min(1).max(1000).optional(),
  page_size: z
    .number({ error: "must be an integer between 1 and 100" })
    .int()
    .min(1)
    .max(100, { error: "must be at most 100" })
    .optional(),
})
export type AdminSyncEsimflyCatalogue = z.infer<typeof AdminSyncEsimflyCatalogue>

export const AdminGetEsimflyCatalogueSync = z.object({})
export type AdminGetEsimflyCatalogueSync = z.infer<typeof AdminGetEsimflyCatalogueSync>

/** How many catalogue packages the pricing preview prices. */
export const AdminGetEsimflyPricingPreview = z.object({
  limit: z.coerce.number().int().min(1).max(50, { error: "must be at most 50" }).default(5),
})
export type AdminGetEsimflyPricingPreview = z.infer<typeof AdminGetEsimflyPricingPreview>

const DAY_MS = 24 * 60 * 60 * 1000
/** How far back the orphan list looks by default, and the longest window it accepts. */
export const ORPHAN_DEFAULT_DAYS = 7
const ORPHAN_MAX_DAYS = 93

/** The window of esimfly's history to search for orders no eSIM order claims. */
export const AdminGetEsimflyOrphans = z
  // Strict here: Medusa makes only a bare object strict, and the transform below hides this one from it.
  .strictObject({ from_date: isoDateParam("from_date").optional(), to_date: isoDateParam("to_date").optional() })
  .transform(({ from_date, to_date }) => {
    const to = to_date ? new Date(to_date) : new Date()
    const from = from_date ? new Date(from_date) : new Date(to.getTime() - ORPHAN_DEFAULT_DAYS * DAY_MS)
    return { from_date: from.toISOString(), to_date: to.toISOString() }
  })
  .refine(({ from_date, to_date }) => Date.parse(from_date) <= Date.parse(to_date), {
    error: "Field 'from_date' must not be after to_date",
  })
  .refine(({ from_date, to_date }) => Date.parse(to_date) - Date.parse(from_date) <= ORPHAN_MAX_DAYS * DAY_MS, {
    error: `Fields 'from_date' and 'to_date' must be at most ${ORPHAN_MAX_DAYS} days apart`,
  })
export type AdminGetEsimflyOrphans = z.infer<typeof AdminGetEsimflyOrphans>

/** Reconciliation takes no input from the admin: it settles what is due. */
export const AdminReconcileEsimfly = z.object({}).strict()
export type AdminReconcileEsimfly = z.infer<typeof AdminReconcileEsimfly>

export const AdminGetEsimflyWebhooks = z.object({})
export type AdminGetEsimflyWebhooks = z.infer<typeof AdminGetEsimflyWebhooks>

/** Connecting takes no input: the URL comes from option `webhookUrl` or the backend URL, the events from the plugin. */
export const AdminConnectEsimflyWebhooks = z.object({}).strict()
export type AdminConnectEsimflyWebhooks = z.infer<typeof AdminConnectEsimflyWebhooks>
