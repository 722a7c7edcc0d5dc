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

const storeId = (field: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: `Field '${field}' must be an id` })

/** The currency to price top-ups in: the cart's (`cart_id`) or a named one (`currency_code`); one is required. */
export const StoreListEsimTopUps = z
  .object({
    cart_id: storeId("cart_id").optional(),
    currency_code: z
      .string()
      .regex(/^[A-Za-z]{3}$/, { error: "Field 'currency_code' must be a 3-letter currency code" })
      .transform((code) => code.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((query) => query.cart_id !== undefined || query.currency_code !== undefined, {
    error: "Field 'currency_code' (or 'cart_id') is required: top-ups are priced in that currency",
    path: ["currency_code"],
  })

export type StoreListEsimTopUps = z.infer<typeof StoreListEsimTopUps>

/** A top-up for the cart: the eSIM and the package only; the price is the server's. */
export const StoreAddEsimTopUp = z
  .object({
    iccid: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "Field 'iccid' must be an ICCID" }),
    package_code: z.string().trim().min(1, { error: "Field 'package_code' is required" }).max(200),
  })
  .strict()

export type StoreAddEsimTopUp = z.infer<typeof StoreAddEsimTopUp>
