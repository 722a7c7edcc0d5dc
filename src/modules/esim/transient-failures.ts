/**
 * esimfly refusals that say "not now" rather than "no": the rate limit and its own errors.
 * Nothing was bought, and a retry sends the intent's own idempotency key, so reconciliation
 * may try again by itself.
 */
export const TRANSIENT_FAILURE_CODES = [
  "RATE_LIMIT_EXCEEDED",
  "ORDER_PROCESSING_ERROR",
  "SYSTEM_ERROR",
  "PROVIDER_ERROR",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
]

/** Attempts after which a transiently failed purchase waits for a person (its Retry button). */
export const MAX_AUTOMATIC_ATTEMPTS = 5
