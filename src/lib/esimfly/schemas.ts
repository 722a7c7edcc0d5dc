import { z } from "zod"

/*
 * Wire format, spelled exactly as esimfly documents it (camelCase in create-order and
 * status, snake_case in orders and packages). Unknown fields are stripped; fields the
 * docs describe as optional or that have changed over time are nullish.
 */

const NUMERIC = /^-?\d+(\.\d+)?$/

/** A number that some responses send as a numeric string. */
export const wireAmount = z.union([z.number(), z.string().regex(NUMERIC).transform(Number)])

const text = z.string().nullish()
const amount = wireAmount.nullish()
const flag = z.boolean().nullish()

/**
 * An ICCID is 18 to 22 digits (ITU-T E.118); a pending order's stand-in starts with
 * `PENDING_` or is blank (docs: create-order.md, "Pending Response"). Anything else makes
 * the answer unreadable, so no hostile ICCID reaches an email, a URL or a file name.
 */
const wireIccid = z
  .string()
  .refine((iccid) => /^\d{18,22}$/.test(iccid) || iccid.startsWith("PENDING_") || !iccid.trim(), {
    error: "must be 18 to 22 digits",
  })
  .nullish()

/** One eSIM in a create-order or status response (docs: create-order.md, "eSIM Object Fields"). */
export const wireEsimSchema = z.object({
  iccid: wireIccid,
  lpaString: text,
  qrCodeUrl: text,
  directAppleInstallUrl: text,
  directAndroidInstallUrl: text,
  status: text,
  profileStatus: text,
  isPending: flag,
  sim_status: text,
  esim_status: text,
  total_volume: amount,
  unlimited: flag,
  totalVolume: amount,
  totalDuration: amount,
  expiredTime: text,
})

/** Successful `POST /esims/order` (docs: create-order.md, "Success Response" and "Pending Response"). */
export const createOrderResponseSchema = z.object({
  success: z.literal(true),
  message: text,
  orderReference: z.string().min(1),
  esimId: amount,
  packageName: text,
  newBalance: amount,
  currency: text,
  paymentMethod: text,
  status: z.string(),
  amount,
  profit: amount,
  final_price: amount,
  processing_time_ms: amount,
  note: text,
  isPending: flag,
  duplicate: flag,
  esims: z.array(wireEsimSchema).nullish(),
})

/** Successful `GET /esims/order?orderReference=` (docs: create-order.md, "Status Check Response"). */
export const orderStatusResponseSchema = z.object({
  success: z.literal(true),
  order: z.object({
    id: amount,
    packageName: text,
    packageCode: text,
    status: z.string(),
    amount,
    finalPrice: amount,
    orderDate: text,
    orderReference: z.string().min(1),
    paymentMethod: text,
    paymentStatus: text,
    esim: wireEsimSchema.nullish(),
    esims: z.array(wireEsimSchema).nullish(),
  }),
})

/** Pagination; the total-pages key is spelled two ways (docs: beyond-the-reference.md). */
export const wirePaginationSchema = z
  .object({
    page: amount,
    limit: amount,
    total: amount,
    totalPages: amount,
    total_pages: amount,
  })
  .refine((p) => p.totalPages != null || p.total_pages != null || (p.total != null && !!p.limit), {
    error: "needs totalPages, total_pages, or total and limit",
  })

/** One row of `GET /orders` (docs: orders.md, "Order Object Fields"). */
export const wireHistoryOrderSchema = z.object({
  id: amount,
  order_reference: z.string().min(1),
  package_name: text,
  package_code: text,
  amount,
  currency: text,
  status: text,
  flag_url: text,
  created_at: text,
})

/** Successful `GET /orders` (docs: orders.md, "Success Response"). */
export const orderHistoryResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    orders: z.array(wireHistoryOrderSchema),
    summary: z.object({ total_orders: amount, total_revenue: amount }).nullish(),
    pagination: wirePaginationSchema,
  }),
})

/** Successful `GET /balance` (docs: beyond-the-reference.md, "Endpoints the reference only mentions"). */
export const balanceResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({ balance: wireAmount, currency: z.string().min(1) }),
})

const wireOperatorSchema = z.object({ operatorName: text, networkType: text })

const wireLocationSchema = z.object({
  locationName: text,
  operatorList: z.array(wireOperatorSchema).nullish(),
})

/** One package of `GET /esims/packages` (docs: beyond-the-reference.md). */
export const wirePackageSchema = z.object({
  package_code: z.string().min(1),
  name: text,
  region: text,
  type: text,
  data_amount_gb: amount,
  validity_days: amount,
  cost: amount,
  currency: text,
  features: z.object({ voice_minutes: amount, sms_count: amount, is_rechargeable: flag }).nullish(),
  is_unlimited: flag,
  has_voice: flag,
  has_sms: flag,
  locationNetworkList: z.array(wireLocationSchema).nullish(),
  countries: z.array(z.string()).nullish(),
})

/** Successful `GET /esims/packages`. */
export const packagesResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    packages: z.array(wirePackageSchema),
    pagination: wirePaginationSchema,
  }),
})

/**
 * Successful `POST /esims/cancel` (docs: beyond-the-reference.md names the call only; this
 * shape is assumed, see docs/esimfly-assumptions.md). An answer without `data` is unreadable.
 */
export const cancelEsimResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    orderReference: text,
    cancelled: z.array(z.string()).nullish(),
    refunded: amount,
    currency: text,
    newBalance: amount,
  }),
})

export type WireEsim = z.infer<typeof wireEsimSchema>
export type WireCreateOrderResponse = z.infer<typeof createOrderResponseSchema>
export type WireOrderStatusResponse = z.infer<typeof orderStatusResponseSchema>
export type WirePagination = z.infer<typeof wirePaginationSchema>
export type WireHistoryOrder = z.infer<typeof wireHistoryOrderSchema>
export type WireOrderHistoryResponse = z.infer<typeof orderHistoryResponseSchema>
export type WireBalanceResponse = z.infer<typeof balanceResponseSchema>
export type WirePackage = z.infer<typeof wirePackageSchema>
export type WirePackagesResponse = z.infer<typeof packagesResponseSchema>
export type WireCancelEsimResponse = z.infer<typeof cancelEsimResponseSchema>

/** A short, value-free description of where a body failed its schema. */
export function describeSchemaError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ")
}
