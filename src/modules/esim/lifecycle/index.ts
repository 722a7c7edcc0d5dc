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
export { insertWebhookEvent } from "./store"
export { lifecycleStatusOf, nextLifecycleStatus, revivedByTopUp } from "./status"
export type { LifecycleStatus } from "./status"
