import { OrderRecord } from "./types"

/** The five events esimfly sends (lifecycle.md, "Delivery"); `order.completed` is reserved and never sent. */
export const WEBHOOK_EVENTS = [
  "esim.installed",
  "esim.profile.updated",
  "esim.usage.threshold",
  "esim.status.changed",
  "esim.provisioned",
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** Status of an eSIM as GET /esims and the status events spell it. */
export type LifeStatus = "NEW" | "ACTIVE" | "DEPLETED" | "EXPIRED" | "CANCELLED"

/** What the sandbox's simulated network knows about one delivered eSIM. */
export interface EsimLife {
  iccid: string
  order: OrderRecord
  /** eSIMfly-network eSIMs get install and usage events and may be topped up while NEW. */
  network: boolean
  status: LifeStatus
  unlimited: boolean
  totalMb: number
  usedMb: number
  validityDays: number
  /** Changes with each top-up; usage thresholds are sent once per package. */
  packageId: number
  thresholdsSent: number[]
  installedAt: number | null
  lastUsageAt: number | null
  expiresAt: number | null
  eid: string | null
  imsi: string | null
}

export interface WebhookConfig {
  url: string
  events: string[]
  secret: string
}

export type WebhookFaultKind = "duplicate" | "outOfOrder" | "drop" | "badSignature"

export type DeliveryStatus = "pending" | "held" | "delivered" | "failed" | "dropped"

/** One POST to the receiver. */
export interface DeliveryAttempt {
  attempt: number
  at: number
  /** The receiver's HTTP status, or null when it did not answer within the reply window. */
  status: number | null
  error: string | null
  signature: string
}

/** One event sent to the webhook URL; its id (X-Webhook-Id) stays the same across retries. */
export interface DeliveryRecord {
  id: string
  event: WebhookEvent
  iccid: string
  orderReference: string
  url: string
  body: string
  timestamp: string
  status: DeliveryStatus
  attempts: DeliveryAttempt[]
  deliveredAt: number | null
  fault: WebhookFaultKind | null
  /** A duplicate-fault copy: the same id and body sent once more. */
  duplicate: boolean
}

/** One successful POST /topup/order. */
export interface TopupRecord {
  orderReference: string
  requestId: string
  iccid: string
  packageCode: string
  quantity: number
  amountMinor: number
  addedMb: number
  at: number
}
