import { DeliveryRecord, EsimLife, TopupRecord, WebhookConfig } from "./after-sale-types"
import { OrderRecord, RequestRecord } from "./types"

/** Marks an idempotency key whose first request has not finished yet. */
export const IN_FLIGHT = "in_flight"

/** Everything a sandbox remembers between requests. Money is kept in minor units. */
export interface SandboxState {
  balanceMinor: number
  orders: OrderRecord[]
  ordersByReference: Map<string, OrderRecord>
  idempotency: Map<string, typeof IN_FLIGHT | OrderRecord>
  requests: RequestRecord[]
  /** Request id → when it may be reused (ids are kept 24 h). */
  seenRequestIds: Map<string, number>
  nextOrderId: number
  nextSeq: number
  /** eSIM lifecycles, created on first use (install, usage, top-up, reads). */
  lives: Map<string, EsimLife>
  nextPackageId: number
  webhook: WebhookConfig | null
  deliveries: DeliveryRecord[]
  topups: TopupRecord[]
}

export function createState(balanceMinor: number): SandboxState {
  return {
    balanceMinor,
    orders: [],
    ordersByReference: new Map(),
    idempotency: new Map(),
    requests: [],
    seenRequestIds: new Map(),
    nextOrderId: 2501,
    nextSeq: 1,
    lives: new Map(),
    nextPackageId: 7001,
    webhook: null,
    deliveries: [],
    topups: [],
  }
}

/** Forgets orders and requests; ids keep counting so nothing handed out before repeats. */
export function resetState(state: SandboxState, balanceMinor: number): void {
  state.balanceMinor = balanceMinor
  state.orders = []
  state.ordersByReference.clear()
  state.idempotency.clear()
  state.requests = []
  state.seenRequestIds.clear()
  state.lives.clear()
  state.webhook = null
  state.deliveries = []
  state.topups = []
}
