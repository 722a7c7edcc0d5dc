import { z } from "@medusajs/framework/zod"
import { integerParam } from "../utils/integer-param"

export const StoreListCustomerEsims = z.object({
  limit: z.preprocess(integerParam, z.number().int().min(1).max(100).optional().default(20)),
  offset: z.preprocess(integerParam, z.number().int().min(0).optional().default(0)),
  order_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "Field 'order_id' must be an order id" })
    .optional(),
})

export type StoreListCustomerEsims = z.infer<typeof StoreListCustomerEsims>

/** The guest token travels only in the `x-esim-access-token` header: a URL ends up in access logs, proxies and history. */
export const StoreGetOrderEsims = z.object({
  // A custom issue: Medusa's message for a type error would echo the token back.
  token: z.unknown().refine((value) => value === undefined, {
    error: "Field 'token' is not accepted in the query string: send the guest token in the x-esim-access-token header",
  }),
})

export type StoreGetOrderEsims = z.infer<typeof StoreGetOrderEsims>
