/** Which Medusa process wrote an event: useful when a server and workers share the store. */
export type EsimOrderRunner = {
  worker_mode: string
  pid: number
  host: string
}

/** One line of an eSIM order's history, shown to admins. */
export type EsimOrderEvent = {
  at: string
  type: string
  message?: string
  code?: string
  request_id?: string
  /** ICCIDs esimfly canceled, on a `canceled` event. */
  iccids?: string[]
  /** What esimfly credited back to the balance, on a `canceled` event. */
  refunded?: number | null
  currency?: string | null
  /** The process that sent the purchase or settled it. */
  by?: EsimOrderRunner
}

export type EsimOrderHistory = { events: EsimOrderEvent[] }

const MAX_EVENTS = 100

/** Appends an event, keeping the newest 100 so a row never grows without bound. */
export function withEvent(history: unknown, event: EsimOrderEvent): EsimOrderHistory {
  const events = (history as Partial<EsimOrderHistory> | null)?.events
  const previous = Array.isArray(events) ? events : []
  return { events: [...previous, event].slice(-MAX_EVENTS) }
}
