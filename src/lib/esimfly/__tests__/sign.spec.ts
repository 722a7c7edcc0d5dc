import { createHmac } from "node:crypto"

import { signRequest } from "../sign"
import { json, makeClient } from "./fake-fetch"

const timestamp = "1700000000000"
const requestId = "3f1c2a9e-4b7d-4e8a-9c1b-2d3e4f5a6b7c"
const accessCode = "esf_test_access"
const secretKey = "sk_test_secret"
const body = '{"packageCode":"TR1GB7D","quantity":1}'

const PINNED_POST = "353E5A92D8881F3DA1B684C1C97C18A4437736648DA20AA9BD81C01DE3F22CF7"
const PINNED_GET = "D3AA973D5C49CD141BB95B9BE13C18AC84307F675057688640CA08B5F0299393"

describe("signRequest", () => {
  it("matches the documented formula: upper-case hex HMAC-SHA256 of timestamp + requestId + accessCode + body", () => {
    const expected = createHmac("sha256", secretKey)
      .update(timestamp + requestId + accessCode + body)
      .digest("hex")
      .toUpperCase()

    const signature = signRequest({ secretKey, timestamp, requestId, accessCode, body })

    expect(signature).toBe(expected)
    expect(signature).toBe(PINNED_POST)
  })

  it("signs an empty body for GET", () => {
    const expected = createHmac("sha256", secretKey)
      .update(timestamp + requestId + accessCode)
      .digest("hex")
      .toUpperCase()

    const signature = signRequest({ secretKey, timestamp, requestId, accessCode, body: "" })

    expect(signature).toBe(expected)
    expect(signature).toBe(PINNED_GET)
  })

  it("sends the known-answer signature for the documented create-order body", async () => {
    const { client, calls } = makeClient([json({ success: false, code: "INVALID_PACKAGE", message: "x" }, 400)], {
      now: () => 1700000000000,
      generateRequestId: () => requestId,
    })

    await expect(client.createOrder({ packageCode: "TR1GB7D" })).rejects.toThrow()

    expect(calls[0]?.body).toBe(body)
    expect(calls[0]?.headers["RT-Signature"]).toBe(PINNED_POST)
    expect(calls[0]?.headers["RT-Timestamp"]).toBe(timestamp)
  })

  it("does not sign the query string of a GET", async () => {
    const { client, calls } = makeClient(
      [json({ success: true, order: { status: "pending", orderReference: "o1" } })],
      {
        now: () => 1700000000000,
        generateRequestId: () => requestId,
      }
    )

    await client.getOrder("o1")

    expect(calls[0]?.url).toContain("?orderReference=o1")
    expect(calls[0]?.headers["RT-Signature"]).toBe(PINNED_GET)
  })
})
