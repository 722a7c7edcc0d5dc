/**
 * The eSIM's life after delivery, from esimfly's signed webhooks: read and store a delivery
 * once, apply it without ever moving an eSIM backwards, retry what arrived before its eSIM.
 */
export { lifeChanges } from "./effects"
export type { LifeFields, LifeProfile } from "./effects"
export { processWebhookEvent } from "./process"
export type { StoredWebhookEvent, WebhookOutcome } from "./process"
export { ESIMFLY_WEBHOOK_RECEIVED, readWebhookDelivery } from "./receive"
export type { NewWebhookEvent, WebhookDelivery } from "./receive"
export { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS } from "./retry"
export {
  claimWebhookEvent,
  insertWebhookEvent,
  storeWebhookDelivery,
  WEBHOOK_CLAIM_LEASE_MS,
  writeWebhookState,
} from "./store"
export type { WebhookStateChange } from "./store"
export {
  connectWebhooks,
  currentWebhookSecret,
  readWebhookStatus,
  WEBHOOK_ACCOUNT,
  WEBHOOK_EVENTS_USED,
  WEBHOOK_PATH,
  webhookUrlFor,
} from "./connection"
export type { WebhookSecretSource, WebhookStatus } from "./connection"
export { buildEsimTimeline, ESIM_MIRROR_FIELDS, readEsimTimeline } from "./timeline"
export type { EsimMirror, EsimTimelineEntry, EsimTimelineParts } from "./timeline"
