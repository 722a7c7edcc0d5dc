import { createHash } from "node:crypto"
import { parseWebhookEvent, verifyWebhookSignature } from "../../../lib/esimfly"
import type { EsimflyWebhookEventRow } from "../models/esimfly-webhook-event"

/** Emitted with the stored event's `id` once a delivery is stored; its subscriber processes it. */
export const ESIMFLY_WEBHOOK_RECEIVED = "esimfly.webhook_received"

/** What the route hands over: the raw bytes and the headers esimfly sends (docs: lifecycle.md, "Delivery"). */
export type WebhookDelivery = {
  rawBody: Buffer | undefined
  signature: string | undefined
  webhookId: string | undefined
  eventHeader: string | undefined
}

export type NewWebhookEvent = Pick<
  EsimflyWebhookEventRow,
  "webhook_id" | "event" | "iccid" | "body" | "received_at" | "status" | "error"
>

/**
 * The row to store for an authentic delivery, or null when the signature is missing or wrong
 * (or no secret is set). A body that cannot be read is still stored, as `failed` with the
 * reason: answering an error would only make esimfly resend the same bytes five times.
 */
export function readWebhookDelivery(
  delivery: WebhookDelivery,
  secret: string | null,
  now: Date
): NewWebhookEvent | null {
  const raw = delivery.rawBody
  if (!secret || !raw || !verifyWebhookSignature(raw, delivery.signature, secret)) {
    return null
  }
  // esimfly always sends an id; without one, the body's hash dedupes retries, which resend the same bytes.
  const webhook_id = delivery.webhookId?.trim() || `sha256:${createHash("sha256").update(raw).digest("hex")}`
  const parsed = parseWebhookEvent(raw)
  const received = { webhook_id, received_at: now }
  if (!parsed.ok) {
    const event = delivery.eventHeader?.trim() || "unreadable"
    return { ...received, event, iccid: null, body: jsonOrNull(raw), status: "failed", error: parsed.detail }
  }
  const event = parsed.event
  const name = event.event === "unknown" ? event.name : event.event
  const iccid = event.event === "unknown" ? event.iccid : event.data.iccid
  return { ...received, event: name, iccid, body: jsonOrNull(raw), status: "received", error: null }
}

function jsonOrNull(raw: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"))
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
