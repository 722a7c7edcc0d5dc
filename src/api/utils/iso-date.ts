import { z } from "@medusajs/framework/zod"

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

/** An ISO 8601 date or date-time query parameter; the 400 names the field (custom issues carry only their message). */
export function isoDateParam(field: string) {
  return z
    .string()
    .refine((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)), {
      error: `Field '${field}' must be an ISO 8601 date, for example 2026-01-31 or 2026-01-31T10:00:00Z`,
    })
}
