import { createHmac } from "node:crypto"

import { Call } from "../fake-fetch"

/**
 * The documented request signature, computed here rather than by the client: upper-case hex
 * HMAC-SHA256 of timestamp + request id + access code + body, keyed with makeClient's secret.
 */
export function expectSignedAsSent(call: Call | undefined): void {
  const headers = call?.headers ?? {}
  const signed = headers["RT-Timestamp"]! + headers["RT-RequestID"]! + "esf_test_access" + (call?.body ?? "")
  const expected = createHmac("sha256", "sk_test_secret").update(signed).digest("hex").toUpperCase()
  expect(headers["RT-Signature"]).toBe(expected)
}
