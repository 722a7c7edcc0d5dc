import type { ChaosConfig, ChaosKind } from "./chaos"

/** Account currencies the sandbox can simulate (see beyond-the-reference.md, "Balance"). */
export type Currency = "USD" | "IQD"

/** How a pending order lists its eSIMs: older docs use PENDING_ placeholders, newer ones `esims: []`. */
export type PendingShape = "placeholders" | "empty"

/** Internal order states; `pending_details` is listed as `pending` by GET /orders. */
export type OrderStatus = "completed" | "pending_details" | "failed" | "cancelled"

export type PackageType = "local" | "regional" | "global"

export interface RateLimitConfig {
  limit: number
  windowMs: number
}

export interface SandboxOptions {
  /** Business account access code. Default "esf_sandbox_access". */
  accessCode?: string
  /** Secret shared by both accounts. Default "sk_sandbox_secret". */
  secretKey?: string
  /** A personal (non-business) account: it signs correctly but gets 403 INVALID_USER. */
  personalAccessCode?: string
  currency?: Currency
  /** Opening balance in major units. Default 1000 USD or 1,500,000 IQD. */
  balance?: number
  /** Status polls that still answer pending_details before an order completes. Default 2. */
  pendingPolls?: number
  /** Seconds after creation when a pending order completes on its own. Default null (polls only). */
  pendingSeconds?: number | null
  pendingShape?: PendingShape
  latencyMs?: number
  /** Default 1000 requests per hour, as documented. */
  rateLimit?: RateLimitConfig
  /** Random faults on a share of API calls from the start (see faults.setChaos). Default off. */
  chaos?: ChaosConfig | null
  /** Injectable clock (ms since epoch), used for timestamps, windows and order dates. */
  now?: () => number
  smdpAddress?: string
  /** Scales every webhook delay: the 10 s reply window and the retry schedule. Default 1; tests use e.g. 0.001. */
  webhookTimeFactor?: number
  /** Accepts http://localhost and http://127.0.0.1 webhook URLs (tests receive there). Default false: https only. */
  allowHttpWebhooks?: boolean
}

export interface ResolvedOptions {
  accessCode: string
  secretKey: string
  personalAccessCode: string
  currency: Currency
  balance: number
  pendingPolls: number
  pendingSeconds: number | null
  pendingShape: PendingShape
  latencyMs: number
  rateLimit: RateLimitConfig
  chaos: Required<ChaosConfig> | null
  now: () => number
  smdpAddress: string
  webhookTimeFactor: number
  allowHttpWebhooks: boolean
}

/** Lifecycle of one eSIM: only a `new` one can be cancelled (beyond-the-reference.md, "cancels before activation"). */
export type EsimState = "new" | "installed" | "used" | "cancelled"

/** States a test may put an eSIM in, to make it not cancellable (or cancellable again). */
export type SettableEsimState = "new" | "installed" | "used"

export interface EsimRecord {
  iccid: string
  activationCode: string
  lpaString: string
  state: EsimState
}

/** One successful POST /esims/cancel: which eSIMs it cancelled and what went back to the balance. */
export interface CancellationRecord {
  at: number
  requestId: string
  requestedIccid: string
  iccids: string[]
  refundMinor: number
}

export interface OrderRecord {
  id: number
  orderReference: string
  requestId: string
  idempotencyKey: string | null
  callbackUrl: string | null
  packageCode: string
  packageName: string
  flag: string | null
  quantity: number
  /** eSIMs provisioned: the quantity, unless a shortNext fault left some out. */
  esimCount: number
  currency: Currency
  unitMinor: number
  amountMinor: number
  profitMinor: number
  status: OrderStatus
  polls: number
  placeholders: string[]
  esims: EsimRecord[]
  createdAt: number
  completedAt: number | null
  cancellations: CancellationRecord[]
  /** The create-order answer, replayed with `duplicate: true` for a reused idempotency key. */
  response: Record<string, unknown>
}

export type RequestOutcome = "answered" | "dropped" | "hung" | "rejected"

export interface RequestRecord {
  seq: number
  method: string
  path: string
  requestId: string | null
  status: number | null
  outcome: RequestOutcome
  /** The chaos fault that hit this call, when one did. */
  chaos?: ChaosKind
  at: string
}

export interface LedgerEsim {
  iccid: string
  lpaString: string
  activationCode: string
  state: EsimState
}

export interface LedgerCancellation {
  at: string
  requestId: string
  requestedIccid: string
  iccids: string[]
  refund: number
}

export interface LedgerOrder {
  id: number
  orderReference: string
  requestId: string
  idempotencyKey: string | null
  callbackUrl: string | null
  packageCode: string
  packageName: string
  quantity: number
  unitPrice: number
  amount: number
  profit: number
  currency: Currency
  status: OrderStatus
  polls: number
  placeholders: string[]
  esims: LedgerEsim[]
  createdAt: string
  completedAt: string | null
  cancellations: LedgerCancellation[]
}

export interface LedgerDeliveryAttempt {
  attempt: number
  at: string
  status: number | null
  error: string | null
  signature: string
}

/** One webhook delivery: a duplicate-fault copy has the same id and `duplicate: true`. */
export interface LedgerDelivery {
  id: string
  event: string
  iccid: string
  orderReference: string
  url: string
  body: string
  timestamp: string
  status: "pending" | "held" | "delivered" | "failed" | "dropped"
  fault: "duplicate" | "outOfOrder" | "drop" | "badSignature" | null
  duplicate: boolean
  attempts: LedgerDeliveryAttempt[]
  deliveredAt: string | null
}

export interface LedgerTopup {
  orderReference: string
  requestId: string
  iccid: string
  packageCode: string
  quantity: number
  amount: number
  addedMb: number
  at: string
}

export interface SandboxLedger {
  orders: LedgerOrder[]
  requests: RequestRecord[]
  balance: number
  currency: Currency
  topups: LedgerTopup[]
  /** The registered URL, its events and current secret (null until PUT /webhooks), and every delivery. */
  webhooks: { url: string | null; events: string[]; secret: string | null; deliveries: LedgerDelivery[] }
}

/** What a route handler answers; the server adds the rate-limit headers. */
export interface ApiReply {
  status: number
  body: Record<string, unknown>
  headers?: Record<string, string>
}
