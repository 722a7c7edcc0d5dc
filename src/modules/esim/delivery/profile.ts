/**
 * Opt-in timing of a purchase run, per phase, for the bench (docs/benchmark.md). The switch is
 * read once at load: off, every helper returns at once, so the purchase path pays nothing.
 */
const ENABLED = process.env.ESIMFLY_DELIVERY_PROFILE === "true"

/** The phases of one purchase run: `create_order` and `store` lie inside `buy`, `fulfillment` inside `deliver`, `qr` and `notification` inside `notify`. */
export type DeliveryPhase =
  | "lock"
  | "prepare"
  | "buy"
  | "create_order"
  | "store"
  | "cancel_check"
  | "deliver"
  | "fulfillment"
  | "notify"
  | "qr"
  | "notification"
  | "events"

export type DeliveryProfile = {
  order_id: string
  started_at: number
  total_ms: number
  phases: Partial<Record<DeliveryPhase, number>>
}

type Run = { startedAt: number; start: number; phases: Partial<Record<DeliveryPhase, number>> }

/** Prefix of the log line, which the bench looks for. */
export const DELIVERY_PROFILE_MARK = "esimfly delivery profile"

// A run that throws never ends its profile; the cap keeps such leftovers from piling up.
const MAX_OPEN_RUNS = 1000
const runs = new Map<string, Run>()

export function beginDeliveryProfile(orderId: string): void {
  if (!ENABLED) {
    return
  }
  if (runs.size >= MAX_OPEN_RUNS) {
    runs.delete(runs.keys().next().value as string)
  }
  runs.set(orderId, { startedAt: Date.now(), start: performance.now(), phases: {} })
}

/** `invoke` timed as one phase of its order when profiling is on; `invoke` itself when off. */
export function profiledInvoke<I extends { order_id: string }, A extends unknown[], R>(
  phase: DeliveryPhase,
  invoke: (input: I, ...rest: A) => Promise<R>
): (input: I, ...rest: A) => Promise<R> {
  return ENABLED ? (input, ...rest) => timeDeliveryPhase(input.order_id, phase, () => invoke(input, ...rest)) : invoke
}

/** Runs `work`, adding its milliseconds to the order's phase when profiling is on. */
export async function timeDeliveryPhase<T>(orderId: string, phase: DeliveryPhase, work: () => Promise<T>): Promise<T> {
  if (!ENABLED) {
    return work()
  }
  const start = performance.now()
  try {
    return await work()
  } finally {
    const run = runs.get(orderId)
    if (run) {
      run.phases[phase] = round((run.phases[phase] ?? 0) + performance.now() - start)
    }
  }
}

/** The finished run's log line (ids and milliseconds only), or null when profiling is off. */
export function endDeliveryProfile(orderId: string): string | null {
  const run = ENABLED ? runs.get(orderId) : undefined
  if (!run) {
    return null
  }
  runs.delete(orderId)
  const profile: DeliveryProfile = {
    order_id: orderId,
    started_at: run.startedAt,
    total_ms: round(performance.now() - run.start),
    phases: run.phases,
  }
  return `${DELIVERY_PROFILE_MARK} ${JSON.stringify(profile)}`
}

const round = (ms: number) => Math.round(ms * 10) / 10
