import { randomBytes } from "node:crypto"
import { DeliveryRecord, WEBHOOK_EVENTS } from "./after-sale-types"
import { RouteContext } from "./core"
import { parseJsonObject } from "./order-request"
import { businessError, success } from "./replies"
import { ApiReply } from "./types"

/** Accepted in PUT /webhooks but never sent (lifecycle.md: "order.completed is reserved"). */
const RESERVED_EVENTS = ["order.completed"]
const DESCRIPTIONS: Record<string, string> = {
  "esim.installed": "eSIM first enabled on a device (eSIMfly network)",
  "esim.profile.updated": "SM-DP+ profile state changed (eSIMfly network)",
  "esim.usage.threshold": "Remaining data crossed 500/200/100/50 MB (eSIMfly network)",
  "esim.status.changed": "eSIM status changed (NEW, ACTIVE, DEPLETED, EXPIRED, CANCELLED)",
  "esim.provisioned": "An async order's eSIM details are ready",
  "order.completed": "Reserved; not sent",
}
const RECENT = 10

/** PUT /webhooks { webhook_url, events }: stores the URL and returns a fresh secret (shown once). */
export function putWebhook(ctx: RouteContext): ApiReply {
  const body = parseJsonObject(ctx.body)
  if (!body) return businessError(400, "INVALID_REQUEST", "Invalid JSON in request body")
  const url = body.webhook_url
  if (typeof url !== "string" || !isAllowedUrl(url, ctx.core.options.allowHttpWebhooks)) {
    return businessError(400, "INVALID_WEBHOOK_URL", "webhook_url must be an https URL")
  }
  const events = body.events
  const known = [...WEBHOOK_EVENTS, ...RESERVED_EVENTS] as string[]
  if (!Array.isArray(events) || events.length === 0 || events.some((event) => !known.includes(event))) {
    return businessError(400, "INVALID_EVENTS", `events must list some of: ${known.join(", ")}`)
  }
  const secret = `whsec_${randomBytes(24).toString("hex")}`
  const unique = [...new Set(events as string[])]
  ctx.core.state.webhook = { url, events: unique, secret }
  return success({
    message: "Webhook configured successfully",
    webhook: { url, secret, events: unique },
    note: "Store the secret now: it is shown only once. Another PUT /webhooks rotates it.",
  })
}

/** https only; http://localhost and http://127.0.0.1 too when the sandbox allows it (tests receive there). */
function isAllowedUrl(value: string, allowHttp: boolean): boolean {
  try {
    const url = new URL(value)
    if (url.protocol === "https:") return true
    return allowHttp && url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname)
  } catch {
    return false
  }
}

/** GET /webhooks: the URL and events (never the secret), the catalogue of events, the last 10 deliveries. */
export function getWebhook(ctx: RouteContext): ApiReply {
  const { webhook, deliveries } = ctx.core.state
  const sent = deliveries.filter((delivery) => delivery.status !== "dropped" && !delivery.duplicate)
  return success({
    webhook: webhook && { url: webhook.url, events: [...webhook.events], api_key_name: "Sandbox key" },
    available_events: Object.entries(DESCRIPTIONS).map(([event, description]) => ({ event, description })),
    recent_deliveries: sent.slice(-RECENT).reverse().map(recentDelivery),
  })
}

function recentDelivery(delivery: DeliveryRecord): Record<string, unknown> {
  const last = delivery.attempts.at(-1)
  return {
    id: delivery.id,
    event: delivery.event,
    order_reference: delivery.orderReference,
    status: delivery.status === "held" ? "pending" : delivery.status,
    attempts: delivery.attempts.length,
    last_attempt: last ? new Date(last.at).toISOString() : null,
    delivered_at: delivery.deliveredAt === null ? null : new Date(delivery.deliveredAt).toISOString(),
  }
}
