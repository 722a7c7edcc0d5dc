import { z } from "zod"

import { EsimflyInvalidRequestError } from "./errors"

/** An integer in [min, max], with one message for every way to miss it. */
export function integer(min: number, max: number) {
  const message = `must be an integer between ${min} and ${max}`
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
}

export const positiveInteger = z
  .number({ error: "must be a positive integer" })
  .int({ error: "must be a positive integer" })
  .min(1, { error: "must be a positive integer" })

export const nonBlank = z
  .string({ error: "must be a string" })
  .refine((value) => value.trim().length > 0, { error: "must be a non-empty string" })

const isoDate = z.union(
  [
    z
      .date()
      .refine((date) => !Number.isNaN(date.getTime()))
      .transform((date) => date.toISOString()),
    z.iso.datetime({ offset: true }),
    z.iso.date(),
  ],
  { error: "must be a valid ISO 8601 date" }
)

/**
 * Input of create-order. The package code is sent exactly as given
 * (docs: create-order.md, "Do not modify or prefix package codes").
 */
export const createOrderInputSchema = z.object({
  packageCode: nonBlank,
  // docs (create-order.md): quantity "default: 1, max: 10"
  quantity: integer(1, 10).default(1),
  // docs (beyond-the-reference.md): idempotency_key ≤ 200 chars
  idempotencyKey: z
    .string({ error: "must be a string" })
    .min(1, { error: "must be between 1 and 200 characters" })
    .max(200, { error: "must be between 1 and 200 characters" })
    .optional(),
  /** Lets the caller record the RT-RequestID before the call (docs: UUID v4, never reused). */
  requestId: z.uuidv4({ error: "must be a UUID v4" }).optional(),
})

/** Filters of the order history (docs: orders.md, "Query Parameters"). */
export const listOrdersParamsSchema = z.object({
  page: positiveInteger.optional(),
  // docs (orders.md): limit "max 100"
  limit: integer(1, 100).optional(),
  status: z.enum(["all", "pending", "completed", "failed", "cancelled"]).optional(),
  fromDate: isoDate.optional(),
  toDate: isoDate.optional(),
  search: z.string({ error: "must be a string" }).optional(),
  sortBy: z.enum(["created_at", "amount", "status"]).optional(),
  sortOrder: z.enum(["asc", "desc"]).optional(),
})

/** Catalogue filters (docs: beyond-the-reference.md, `type=local|regional|global`, `limit<=100`). */
export const listPackagesParamsSchema = z.object({
  search: z.string({ error: "must be a string" }).optional(),
  type: z.enum(["local", "regional", "global"]).optional(),
  country: nonBlank.optional(),
  page: positiveInteger.optional(),
  limit: integer(1, 100).optional(),
})

/** An order reference as returned by create-order. */
export const orderReferenceSchema = nonBlank

/** The ICCID of a delivered eSIM (docs: beyond-the-reference.md, `POST /esims/cancel { iccid }`). */
export const iccidSchema = nonBlank

export type CreateOrderInput = z.input<typeof createOrderInputSchema>
export type ListOrdersParams = z.input<typeof listOrdersParamsSchema>
export type ListPackagesParams = z.input<typeof listPackagesParamsSchema>

/** Validates caller input before any request; throws `EsimflyInvalidRequestError` (VALIDATION_ERROR) naming the field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, operation: string): T {
  const result = schema.safeParse(input)
  if (result.success) {
    return result.data
  }
  const issue = result.error.issues[0]
  const field = issue?.path.map(String).join(".") || "input"
  const reason = issue?.message ?? "is invalid"
  const message = `esimfly ${operation}: "${field}" ${reason}`
  throw new EsimflyInvalidRequestError({ message, code: "VALIDATION_ERROR", field })
}
