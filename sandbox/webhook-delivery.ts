import { createHmac, randomBytes } from "node:crypto"
import { DeliveryAttempt, DeliveryRecord, WebhookEvent } from "./after-sale-types"
import { SandboxCore } from "./core"
import { sleep } from "./http-io"

/** No 2xx within 10 s → retries after 10 s, 30 s, 2 min and 10 min, then `failed` (lifecycle.md). */
export const REPLY_WINDOW_MS = 10_000
export const RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000]
/** A localhost receiver on a busy test machine is never mistaken for a timeout, whatever the time factor. */
const MIN_REPLY_WINDOW_MS = 1_000

/** `sha256=` + lowercase hex HMAC-SHA256(secret, exact raw body). */
export function signWebhook(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
}

/** Queues one event for the registered URL if it is subscribed; returns the delivery, or null. */
export function emitWebhook(
  core: SandboxCore,
  event: WebhookEvent,
  data: { iccid: string; order_reference: string } & Record<string, unknown>,
  lagMs = 0
): DeliveryRecord | null {
  const config = core.state.webhook
  if (!config || !config.events.includes(event)) return null
  const timestamp = new Date(core.now()).toISOString()
  const delivery: DeliveryRecord = {
    id: `whd_${randomBytes(12).toString("hex")}`,
    event,
    iccid: data.iccid,
    orderReference: data.order_reference,
    url: config.url,
    body: JSON.stringify({ event, timestamp, data }),
    timestamp,
    status: "pending",
    attempts: [],
    deliveredAt: null,
    fault: core.faults.webhooks.take(event),
    duplicate: false,
  }
  core.state.deliveries.push(delivery)
  if (delivery.fault === "drop") delivery.status = "dropped"
  else if (delivery.fault === "outOfOrder") holdBack(core, delivery)
  else startFlow(core, delivery, lagMs)
  return delivery
}

function holdBack(core: SandboxCore, delivery: DeliveryRecord): void {
  delivery.status = "held"
  core.webhooks.held.push(delivery)
}

function startFlow(core: SandboxCore, delivery: DeliveryRecord, lagMs = 0): void {
  const { flows, stop } = core.webhooks
  const signal = AbortSignal.any([core.closing.signal, stop.signal])
  delivery.status = "pending"
  const flow = runDelivery(core, delivery, signal, lagMs)
    .catch(() => undefined)
    .finally(() => flows.delete(flow))
  flows.add(flow)
}

async function runDelivery(core: SandboxCore, delivery: DeliveryRecord, signal: AbortSignal, lagMs: number) {
  if (lagMs > 0) await lag(core, delivery, lagMs, signal)
  const factor = core.options.webhookTimeFactor
  for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
    if (attempt > 1) await sleep(RETRY_DELAYS_MS[attempt - 2] * factor, signal)
    const result = await post(core, delivery, attempt, signal)
    delivery.attempts.push(result)
    if (attempt === 1) afterFirstAttempt(core, delivery)
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      delivery.status = "delivered"
      delivery.deliveredAt = core.now()
      return
    }
  }
  delivery.status = "failed"
}

/** A duplicate fault sends the same id and body once more; held deliveries go out after this one. */
function afterFirstAttempt(core: SandboxCore, delivery: DeliveryRecord): void {
  if (delivery.fault === "duplicate" && !delivery.duplicate) {
    const copy: DeliveryRecord = { ...delivery, attempts: [], duplicate: true, deliveredAt: null }
    core.state.deliveries.push(copy)
    startFlow(core, copy)
  }
  if (delivery.fault !== "outOfOrder") {
    const held = core.webhooks.held.splice(0)
    held.forEach((late) => startFlow(core, late))
  }
}

async function lag(core: SandboxCore, delivery: DeliveryRecord, lagMs: number, signal: AbortSignal) {
  const flushed = new AbortController()
  core.webhooks.lagging.set(delivery, () => flushed.abort())
  try {
    await sleep(lagMs * core.options.webhookTimeFactor, AbortSignal.any([signal, flushed.signal]))
  } catch (error) {
    if (signal.aborted) throw error
  } finally {
    core.webhooks.lagging.delete(delivery)
  }
}

/** Sends now every late status event of this eSIM (POST /esims/status reads live and reports at once). */
export function flushLagging(core: SandboxCore, iccid: string): void {
  for (const [delivery, send] of core.webhooks.lagging) {
    if (delivery.iccid === iccid) send()
  }
}

async function post(
  core: SandboxCore,
  delivery: DeliveryRecord,
  attempt: number,
  signal: AbortSignal
): Promise<DeliveryAttempt> {
  const secret = core.state.webhook?.secret ?? ""
  const wrong = delivery.fault === "badSignature" && attempt === 1 && !delivery.duplicate
  const signature = signWebhook(wrong ? `${secret}_not_the_secret` : secret, delivery.body)
  const at = core.now()
  const window = Math.max(REPLY_WINDOW_MS * core.options.webhookTimeFactor, MIN_REPLY_WINDOW_MS)
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: deliveryHeaders(delivery, signature),
      body: delivery.body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(window)]),
    })
    await response.arrayBuffer()
    return { attempt, at, status: response.status, error: null, signature }
  } catch (error) {
    if (signal.aborted) throw error
    const message = error instanceof Error ? error.message : String(error)
    return { attempt, at, status: null, error: message, signature }
  }
}

function deliveryHeaders(delivery: DeliveryRecord, signature: string): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "eSIMfly-Webhook/1.0",
    "X-Webhook-Event": delivery.event,
    "X-Webhook-Signature": signature,
    "X-Webhook-Timestamp": delivery.timestamp,
    "X-Webhook-Id": delivery.id,
  }
}
