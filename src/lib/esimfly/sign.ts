import { createHmac } from "node:crypto"

/** Everything that goes into one request signature. */
export type SignInput = {
  secretKey: string
  timestamp: string
  requestId: string
  accessCode: string
  /** The exact body string that is sent; "" for GET (the query string is not signed). */
  body: string
}

/**
 * HMAC-SHA256 of `timestamp + requestId + accessCode + body`, hex, upper-cased
 * (docs: create-order.md and orders.md examples, `.digest('hex').toUpperCase()`).
 */
export function signRequest(input: SignInput): string {
  const data = input.timestamp + input.requestId + input.accessCode + input.body
  return createHmac("sha256", input.secretKey).update(data, "utf8").digest("hex").toUpperCase()
}
