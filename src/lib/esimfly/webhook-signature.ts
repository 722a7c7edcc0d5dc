import { createHmac, timingSafeEqual } from "node:crypto"

/** `sha256=` then 64 hex digits; the digits in either case (docs: webhooks.md examples use lowercase). */
const SIGNATURE_HEADER = /^sha256=([0-9a-fA-F]{64})$/

/**
 * Checks `X-Webhook-Signature` against HMAC-SHA256(secret, raw body) in constant time
 * (docs: lifecycle.md, "Delivery"). Verify the bytes as received, never re-serialised JSON.
 * Any missing, malformed or short header is refused; the secret never leaves this function.
 */
export function verifyWebhookSignature(rawBody: Buffer | string, header: string | undefined, secret: string): boolean {
  const match = header === undefined ? null : SIGNATURE_HEADER.exec(header)
  if (!match?.[1] || !secret) {
    return false
  }
  const bytes = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody
  const expected = createHmac("sha256", secret).update(bytes).digest()
  const given = Buffer.from(match[1], "hex")
  return given.length === expected.length && timingSafeEqual(given, expected)
}
