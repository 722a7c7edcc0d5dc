import { EsimOrderStatus, RETRYABLE_STATUSES } from "./types"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const COLORS: Record<string, BadgeColor> = {
  completed: "green",
  pending: "blue",
  purchasing: "blue",
  pending_details: "orange",
  held: "red",
  failed: "red",
  needs_attention: "red",
  canceled: "grey",
  // Top-ups (docs/top-ups.md).
  bought: "green",
  buying: "blue",
  unknown: "orange",
}

const LABELS: Record<string, string> = {
  pending: "Pending",
  purchasing: "Purchasing",
  completed: "Completed",
  pending_details: "Waiting for details",
  held: "Held",
  failed: "Failed",
  needs_attention: "Needs attention",
  canceled: "Canceled",
}

/** The StatusBadge color of an eSIM order or esimfly order status; unknown statuses are grey. */
export function statusColor(status: string | null | undefined): BadgeColor {
  return (status && COLORS[status.toLowerCase()]) || "grey"
}

/** A status in words: "needs_attention" → "Needs attention". */
export function statusLabel(status: string | null | undefined): string {
  if (!status) {
    return "Unknown"
  }
  const known = LABELS[status.toLowerCase()]
  return known ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ")
}

/** Whether an admin may retry the eSIM order (the retry route accepts only these). */
export function isRetryable(status: EsimOrderStatus): boolean {
  return RETRYABLE_STATUSES.includes(status)
}
