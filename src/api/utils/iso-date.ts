import { z } from "@medusajs/framework/zod"

// The forms the esimfly client accepts (src/lib/esimfly/inputs.ts): a date that exists on the calendar
// (no 2026-02-30, which Date.parse rolls over to 2 March), or a date-time with Z or an offset.
const isoDate = z.iso.date()
const isoDateTime = z.iso.datetime({ offset: true })

const isIsoDate = (value: string) =>
  (isoDate.safeParse(value).success || isoDateTime.safeParse(value).success) && !Number.isNaN(Date.parse(value))

/** An ISO 8601 date or date-time query parameter; the 400 names the field (custom issues carry only their message). */
export function isoDateParam(field: string) {
  return z.string().refine(isIsoDate, {
    error: `Field '${field}' must be an ISO 8601 date that exists, for example 2026-01-31 or 2026-01-31T10:00:00Z`,
  })
}
