import { z } from "@medusajs/framework/zod"
import { ESIM_ORDER_STATUSES } from "../../../modules/esim/purchase"
import { integerParam } from "../../utils/integer-param"
import { isoDateParam } from "../../utils/iso-date"

/** Retry and resend take no body; unknown fields are refused. */
export const AdminEsimOrderAction = z.object({}).strict()
export type AdminEsimOrderAction = z.infer<typeof AdminEsimOrderAction>

/** Filters of the plugin's own eSIM orders. */
export const AdminListEsimOrders = z.object({
  status: z.union([z.enum(ESIM_ORDER_STATUSES), z.array(z.enum(ESIM_ORDER_STATUSES))]).optional(),
  order_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "Field 'order_id' must be an order id" })
    .optional(),
  from_date: isoDateParam("from_date").optional(),
  to_date: isoDateParam("to_date").optional(),
  limit: z.preprocess(integerParam, z.number().int().min(1).max(100).default(20)),
  offset: z.preprocess(integerParam, z.number().int().min(0).default(0)),
})
export type AdminListEsimOrders = z.infer<typeof AdminListEsimOrders>
