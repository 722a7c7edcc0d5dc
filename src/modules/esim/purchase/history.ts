/** Which Medusa process wrote an event: useful when a server and workers share the store. */
export type IntentRunner = {
  worker_mode: string
  pid: number
  host: string
}

/** One line of an intent's history, shown to admins. */
export type IntentEvent = {
  at: string
  type: string
  message?: string
  code?: string
  request_id?: string
  /** ICCIDs esimfly cancelled, on a `cancelled` event. */
  iccids?: string[]
  /** What esimfly credited back to the balance, on a `cancelled` event. */
  refunded?: number | null
  currency?: string | null
  /** The process that sent the purchase or settled it. */
  by?: IntentRunner
}

export type IntentHistory = { events: IntentEvent[] }

const MAX_EVENTS = 100

/** Appends an event, keeping the newest 100 so a row never grows without bound. */
export function withEvent(history: unknown, event: IntentEvent): IntentHistory {
  const events = (history as Partial<IntentHistory> | null)?.events
  const previous = Array.isArray(events) ? events : []
  return { events: [...previous, event].slice(-MAX_EVENTS) }
}
