import { LIFECYCLE_STATUSES } from "../models/esim-profile"

export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number]

const RANK: Record<LifecycleStatus, number> = { new: 0, active: 1, depleted: 2, expired: 2, canceled: 2 }

/**
 * The status an eSIM moves to when an event says `incoming`: only forwards (new < active <
 * depleted | expired | canceled), and a terminal status stays, so a late or replayed event
 * (ACTIVE after DEPLETED) never moves an eSIM back.
 */
export function nextLifecycleStatus(current: LifecycleStatus, incoming: LifecycleStatus): LifecycleStatus {
  return RANK[incoming] > RANK[current] ? incoming : current
}

/** esimfly's status words (docs: lifecycle.md, `esim.status.changed`), in the plugin's spelling; null when none fits. */
export function lifecycleStatusOf(wire: string | null): LifecycleStatus | null {
  switch (wire?.toUpperCase()) {
    case "NEW":
      return "new"
    case "ACTIVE":
      return "active"
    case "DEPLETED":
      return "depleted"
    case "EXPIRED":
    case "USED_EXPIRED":
      return "expired"
    case "CANCELLED":
    case "CANCELED":
      return "canceled"
    default:
      return null
  }
}

/**
 * The one way back: a top-up esimfly confirmed (bought, or its total_mb grew) makes a
 * DEPLETED eSIM active again, as esimfly does. Only a bought top-up calls this; a webhook
 * never does, so a stale event still cannot revive an eSIM.
 */
export function revivedByTopUp(current: LifecycleStatus): LifecycleStatus {
  return current === "depleted" ? "active" : current
}
