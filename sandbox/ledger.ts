import { SandboxCore } from "./core"
import { toMajor } from "./money"
import { settleByTime } from "./order-lifecycle"
import { ChaosKind } from "./chaos"
import { LedgerOrder, OrderRecord, RequestOutcome, SandboxLedger } from "./types"

/** The calls the rate limiter weighed since its limit was last set, each with its arrival time. */
export interface LedgerRateLimit {
  limit: number
  windowMs: number
  calls: Array<{ at: string; allowed: boolean; window: number }>
}

/** The ledger with the rate limiter's log (`GET /__sandbox/ledger` serves it whole). */
export type SandboxLedgerWithRateLimit = SandboxLedger & { rateLimit: LedgerRateLimit }

/** A copy of what the sandbox holds, for assertions and the demo. */
export function buildLedger(core: SandboxCore): SandboxLedgerWithRateLimit {
  const { state, options } = core
  state.orders.forEach((order) => settleByTime(core, order))
  return {
    orders: state.orders.map(ledgerOrder),
    requests: state.requests.map((request) => ({ ...request })),
    balance: toMajor(state.balanceMinor, options.currency),
    currency: options.currency,
    rateLimit: ledgerRateLimit(core),
    topups: state.topups.map(({ amountMinor, at, ...topup }) => ({
      ...topup,
      amount: toMajor(amountMinor, options.currency),
      at: new Date(at).toISOString(),
    })),
    webhooks: ledgerWebhooks(core),
  }
}

function ledgerWebhooks(core: SandboxCore): SandboxLedger["webhooks"] {
  const { webhook, deliveries } = core.state
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
  return {
    url: webhook?.url ?? null,
    events: [...(webhook?.events ?? [])],
    secret: webhook?.secret ?? null,
    deliveries: deliveries.map((delivery) => ({
      ...delivery,
      attempts: delivery.attempts.map((attempt) => ({ ...attempt, at: new Date(attempt.at).toISOString() })),
      deliveredAt: iso(delivery.deliveredAt),
    })),
  }
}

function ledgerRateLimit(core: SandboxCore): LedgerRateLimit {
  const { limit, windowMs, calls } = core.limiter.log()
  return { limit, windowMs, calls: calls.map((call) => ({ ...call, at: new Date(call.at).toISOString() })) }
}

export interface RequestTrace {
  seq: number
  method: string
  path: string
  requestId: string | null
  chaos?: ChaosKind
}

/** Requests are listed when they finish, so the last entry is the latest answer. */
export function recordRequest(
  core: SandboxCore,
  trace: RequestTrace,
  status: number | null,
  outcome: RequestOutcome
): void {
  const at = new Date(core.now()).toISOString()
  core.state.requests.push({ ...trace, status, outcome, at })
}

function ledgerOrder(order: OrderRecord): LedgerOrder {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
  return {
    id: order.id,
    orderReference: order.orderReference,
    requestId: order.requestId,
    idempotencyKey: order.idempotencyKey,
    callbackUrl: order.callbackUrl,
    packageCode: order.packageCode,
    packageName: order.packageName,
    quantity: order.quantity,
    unitPrice: toMajor(order.unitMinor, order.currency),
    amount: toMajor(order.amountMinor, order.currency),
    profit: toMajor(order.profitMinor, order.currency),
    currency: order.currency,
    status: order.status,
    polls: order.polls,
    placeholders: [...order.placeholders],
    esims: order.esims.map((esim) => ({ ...esim })),
    createdAt: new Date(order.createdAt).toISOString(),
    completedAt: iso(order.completedAt),
    cancellations: order.cancellations.map((cancellation) => ({
      at: new Date(cancellation.at).toISOString(),
      requestId: cancellation.requestId,
      requestedIccid: cancellation.requestedIccid,
      iccids: [...cancellation.iccids],
      refund: toMajor(cancellation.refundMinor, order.currency),
    })),
  }
}
