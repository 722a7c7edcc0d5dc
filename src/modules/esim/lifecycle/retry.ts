/** Tries of an event whose eSIM is not stored yet before it is `failed` (about an hour in all). */
export const WEBHOOK_MAX_ATTEMPTS = 8

const FIRST_DELAY_MS = 30 * 1000
const MAX_DELAY_MS = 60 * 60 * 1000

/** When a waiting event is tried again after `attempts` tries: 30 s, doubling, at most an hour. */
export function nextWebhookAttemptAt(attempts: number, now: Date): Date {
  const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delay)
}
