import { z } from "zod"

import { isRecord, parseJson } from "./http"
import { describeSchemaError, wireAmount } from "./schemas"

/** The events esimfly emits (docs: lifecycle.md, "Delivery"); `order.completed` is reserved and never sent. */
export const WEBHOOK_EVENTS = [
  "esim.installed",
  "esim.profile.updated",
  "esim.usage.threshold",
  "esim.status.changed",
  "esim.provisioned",
] as const

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number]

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S
type CamelKeys<T> = { [K in keyof T as Camel<K & string>]: T[K] }

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
}

/** snake_case keys on the wire, camelCase in the client (STYLE.md, "Naming"). */
function camelKeys<T extends Record<string, unknown>>(wire: T): CamelKeys<T> {
  return Object.fromEntries(Object.entries(wire).map(([key, value]) => [camel(key), value])) as CamelKeys<T>
}

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null)
const amount = wireAmount.nullish().transform((value) => value ?? null)

/** Fields every event's `data` carries (docs: lifecycle.md, "Body"). */
const common = {
  iccid: z.string().min(1),
  esim_id: amount,
  package_code: text,
  order_reference: text,
  source: text,
}

const eventData = {
  "esim.installed": { eid: text, imsi: text, installed_at: text },
  "esim.profile.updated": {
    profile_status: text,
    profile: text,
    previous_profile_status: text,
    eid: text,
    imsi: text,
    changed_at: text,
  },
  "esim.usage.threshold": {
    threshold_remaining_mb: amount,
    used_percent: amount,
    used_gb: amount,
    total_gb: amount,
    remaining_gb: amount,
    package_id: amount,
    reported_at: text,
  },
  "esim.status.changed": { old_status: text, new_status: text, changed_at: text, expiry_date: text },
  "esim.provisioned": {
    qr_code_url: text,
    lpa_string: text,
    direct_apple_install_url: text,
    direct_android_install_url: text,
    package_name: text,
  },
}

function eventSchema<E extends WebhookEventName>(event: E) {
  const data = z.object({ ...common, ...eventData[event] }).transform(camelKeys)
  return z.object({ event: z.literal(event), timestamp: z.string().min(1), data })
}

/** A webhook body of one of the five known events, its `data` in camelCase. */
export const webhookEventSchema = z.discriminatedUnion("event", [
  eventSchema("esim.installed"),
  eventSchema("esim.profile.updated"),
  eventSchema("esim.usage.threshold"),
  eventSchema("esim.status.changed"),
  eventSchema("esim.provisioned"),
])

export type KnownWebhookEvent = z.output<typeof webhookEventSchema>

/** An authentic event of a kind this client does not know, kept whole so it can be acknowledged and stored. */
export type UnknownWebhookEvent = {
  event: "unknown"
  name: string
  timestamp: string | null
  iccid: string | null
  data: Record<string, unknown>
}

export type EsimflyWebhookEvent = KnownWebhookEvent | UnknownWebhookEvent

export type WebhookParseResult = { ok: true; event: EsimflyWebhookEvent } | { ok: false; detail: string }

function unknownEvent(body: Record<string, unknown>, name: string): UnknownWebhookEvent {
  const data = isRecord(body.data) ? body.data : {}
  const timestamp = typeof body.timestamp === "string" ? body.timestamp : null
  const iccid = typeof data.iccid === "string" && data.iccid ? data.iccid : null
  return { event: "unknown", name, timestamp, iccid, data }
}

/**
 * Reads a webhook body from the raw bytes (verify the signature on the same bytes first).
 * A known event must match its documented shape; an event name this client does not know
 * is kept as `unknown` rather than refused: a refusal only makes esimfly resend it five times.
 */
export function parseWebhookEvent(rawBody: Buffer | string): WebhookParseResult {
  const json = parseJson(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8"))
  if (!json.ok || !isRecord(json.value)) {
    return { ok: false, detail: "body is not a JSON object" }
  }
  const body = json.value
  if (typeof body.event !== "string" || !body.event) {
    return { ok: false, detail: "event: must be a non-empty string" }
  }
  if (!(WEBHOOK_EVENTS as readonly string[]).includes(body.event)) {
    return { ok: true, event: unknownEvent(body, body.event) }
  }
  const parsed = webhookEventSchema.safeParse(body)
  return parsed.success ? { ok: true, event: parsed.data } : { ok: false, detail: describeSchemaError(parsed.error) }
}
