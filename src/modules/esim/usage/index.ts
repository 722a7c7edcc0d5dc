/**
 * The eSIM's data and status mirror: readings from the usage query, the nightly list and
 * threshold events, the cache window, and which alerts a reading makes due.
 */
export { alertsSentOf, expiryAlertDue, EXPIRY_NOTICE_MS, usageLowAlert, USAGE_THRESHOLDS_MB } from "./alerts"
export type { UsageLowAlert } from "./alerts"
export { applyUsageReading, applyUsageReadings, refreshUsage } from "./apply"
export type { UsageRefresh } from "./apply"
export { USAGE_CACHE_MIN_MS, usageIsFresh } from "./cache"
export { usageChanges } from "./changes"
export type { UsageChanges, UsageProfile } from "./changes"
export { claimEsimMirror } from "./claims"
export type { EsimMirrorClaim } from "./claims"
export { ESIM_LIFE_FIELDS } from "./mirror-fields"
export type { EsimLifeField } from "./mirror-fields"
export { EXPIRING_TEMPLATE, expiringNotification, USAGE_LOW_TEMPLATE, usageLowNotification } from "./notifications"
export type { AlertEsim } from "./notifications"
export { lifecycleStatusOf, nextLifecycleStatus, revivedByTopUp } from "./status"
export type { LifecycleStatus } from "./status"
export { figuresOf, listedEsimReading, MB_PER_GB, thresholdReading, usageQueryReading } from "./readings"
export type { UsageFigures, UsageReading } from "./readings"
