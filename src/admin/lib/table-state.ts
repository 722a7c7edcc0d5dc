import type { DataTableDateComparisonOperator, DataTableFilter, DataTableFilteringState } from "@medusajs/ui"
import { statusLabel } from "./status"

const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight (local time) `days` days before `now`, as ISO. */
export function daysAgo(days: number, now: Date = new Date()): string {
  const start = new Date(now.getTime() - days * DAY_MS)
  start.setHours(0, 0, 0, 0)
  return start.toISOString()
}

/** The preset ranges of a DataTable date filter. */
export function datePresets(now: Date = new Date()): { label: string; value: DataTableDateComparisonOperator }[] {
  return [
    { label: "Today", value: { $gte: daysAgo(0, now) } },
    { label: "Last 7 days", value: { $gte: daysAgo(7, now) } },
    { label: "Last 30 days", value: { $gte: daysAgo(30, now) } },
    { label: "Last 90 days", value: { $gte: daysAgo(90, now) } },
  ]
}

/**
 * The filters both eSIM tables offer: status ("select" takes several at once, "radio" one) and creation date,
 * with presets relative to when the table mounts.
 */
export function statusAndDateFilters(statuses: readonly string[], statusType: "select" | "radio"): DataTableFilter[] {
  return [
    {
      id: "status",
      type: statusType,
      label: "Status",
      options: statuses.map((status) => ({ label: statusLabel(status), value: status })),
    },
    { id: "created_at", type: "date", label: "Created", format: "date", options: datePresets() },
  ]
}

function isDateRange(value: unknown): value is DataTableDateComparisonOperator {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** A date filter's value as the API's from_date/to_date; missing bounds are left out. */
export function dateRangeOf(filtering: DataTableFilteringState, id: string): { from_date?: string; to_date?: string } {
  const value = filtering[id]
  if (!isDateRange(value)) {
    return {}
  }
  const from = value.$gte ?? value.$gt
  const to = value.$lte ?? value.$lt
  return { ...(from ? { from_date: from } : {}), ...(to ? { to_date: to } : {}) }
}

/** A multi-value (select) filter's values, limited to the allowed ones; undefined when none. */
export function valuesOf<T extends string>(
  filtering: DataTableFilteringState,
  id: string,
  allowed: readonly T[]
): T[] | undefined {
  const value = filtering[id]
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is T => allowed.includes(item as T))
  return list.length ? list : undefined
}

/** A single-value (radio) filter's value, when it is one of the allowed ones. */
export function valueOf<T extends string>(
  filtering: DataTableFilteringState,
  id: string,
  allowed: readonly T[]
): T | undefined {
  return valuesOf(filtering, id, allowed)?.[0]
}

/** The end of a picked day, so a "to" date includes that whole day. */
export function endOfDay(date: Date): Date {
  const end = new Date(date)
  end.setHours(23, 59, 59, 999)
  return end
}

/** The start of a picked day. */
export function startOfDay(date: Date): Date {
  const start = new Date(date)
  start.setHours(0, 0, 0, 0)
  return start
}
