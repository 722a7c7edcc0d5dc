import { parseWebhookEvent } from "../../../lib/esimfly"
import type { EsimflyWebhookEventRow } from "../models/esimfly-webhook-event"
import type EsimModuleService from "../service"
import { applyUsageReading, thresholdReading } from "../usage"
import { lifeChanges } from "./effects"
import { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS } from "./retry"
import { claimWebhookEvent } from "./store"

export type StoredWebhookEvent = Pick<EsimflyWebhookEventRow, "id" | "event" | "iccid" | "body">

export type WebhookOutcome = {
  id: string
  status: "processed" | "waiting" | "failed"
  /** An eSIM order esimfly says is provisioned: made due now, for the resolve-pending run to settle. */
  settles?: string
}

/**
 * Claims and applies one stored event; an eSIM (or eSIM order) not stored yet makes it wait,
 * then fail after the last try. Null when another run claimed it: it is applied once.
 */
export async function processWebhookEvent(
  esim: EsimModuleService,
  row: StoredWebhookEvent,
  now: Date
): Promise<WebhookOutcome | null> {
  const attempts = await esim.runEsimSql((manager) => claimWebhookEvent(manager, row.id, now))
  if (attempts === null) {
    return null
  }
  const parsed = parseWebhookEvent(JSON.stringify(row.body ?? null))
  const found = parsed.ok && parsed.event.event !== "unknown" ? await applyEvent(esim, parsed.event, now) : "done"
  if (found === "missing") {
    const last = attempts >= WEBHOOK_MAX_ATTEMPTS
    const error = `no stored eSIM for this event yet (try ${attempts} of ${WEBHOOK_MAX_ATTEMPTS})`
    const status = last ? "failed" : "waiting"
    const next_attempt_at = last ? null : nextWebhookAttemptAt(attempts, now)
    await esim.updateEsimflyWebhookEvents({ id: row.id, status, attempts, next_attempt_at, error })
    return { id: row.id, status }
  }
  const error = parsed.ok ? null : parsed.detail
  const status = parsed.ok ? "processed" : "failed"
  await esim.updateEsimflyWebhookEvents({ id: row.id, status, attempts, next_attempt_at: null, error })
  return { id: row.id, status, ...(typeof found === "object" ? found : {}) }
}

type Applied = "done" | "missing" | { settles: string }

async function applyEvent(
  esim: EsimModuleService,
  event: Parameters<typeof lifeChanges>[0],
  now: Date
): Promise<Applied> {
  const [profile] = await esim.listEsimProfiles({ iccid: event.data.iccid })
  if (event.event === "esim.provisioned") {
    return profile ? "done" : settlePending(esim, event.data.orderReference, now)
  }
  if (!profile) {
    return "missing"
  }
  const changes = lifeChanges(event, profile)
  if (Object.keys(changes).length) {
    await esim.updateEsimProfiles({ id: profile.id, ...changes })
  }
  const reading = event.event === "esim.usage.threshold" ? thresholdReading(event) : null
  if (reading) {
    await applyUsageReading(esim, profile, reading)
  }
  return "done"
}

/** esim.provisioned: the eSIM order becomes due at once, so the resolve-pending run stores it without waiting for its poll. */
async function settlePending(esim: EsimModuleService, reference: string | null, now: Date): Promise<Applied> {
  const [esimOrder] = reference ? await esim.listEsimOrders({ esimfly_order_reference: reference }) : []
  if (!esimOrder) {
    return "missing"
  }
  if (esimOrder.status !== "pending_details") {
    return "done"
  }
  await esim.updateEsimOrders({ id: esimOrder.id, next_poll_at: now })
  return { settles: esimOrder.id }
}
