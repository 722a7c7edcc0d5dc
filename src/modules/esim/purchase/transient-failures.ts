/**
 * esimfly refusals that say "not now" rather than "no": its own errors. Nothing was bought,
 * and a retry sends the eSIM order's own idempotency key, so reconciliation may try again by itself.
 */
export const TRANSIENT_FAILURE_CODES = [
  "ORDER_PROCESSING_ERROR",
  "SYSTEM_ERROR",
  "PROVIDER_ERROR",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
]

/** Attempts after which a transiently failed purchase waits for a person (its Retry button). */
export const MAX_AUTOMATIC_ATTEMPTS = 5

/**
 * The rate limit: esimfly's 429, or the pacer refusing a wait longer than its cap (nothing was
 * sent). Both only mean "after the window resets", so they are retried with no attempt cap.
 */
export const RATE_LIMIT_FAILURE_CODES = ["RATE_LIMIT_EXCEEDED", "RATE_LIMIT_WAIT_TOO_LONG"]
