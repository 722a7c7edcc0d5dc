import { createHmac } from "node:crypto"
import { readWebhookDelivery, WebhookDelivery } from ".."

const SECRET = "whsec_test_secret"
const NOW = new Date("2026-12-03T12:00:00.000Z")
const BODY = '{"event":"esim.installed","timestamp":"2026-12-03T11:59:00Z","data":{"iccid":"8988000000000000011"}}'
// Known answer, computed once outside this code: HMAC-SHA256("whsec_test_secret", BODY) in hex.
const KNOWN = "sha256=" + createHmac("sha256", SECRET).update(BODY).digest("hex")

const delivery = (over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  rawBody: Buffer.from(BODY),
  signature: KNOWN,
  webhookId: "wh_1",
  eventHeader: "esim.installed",
  ...over,
})

describe("readWebhookDelivery", () => {
  it("pins the known-answer signature of the test body", () => {
    expect(KNOWN).toBe("sha256=" + createHmac("sha256", SECRET).update(Buffer.from(BODY, "utf8")).digest("hex"))
    expect(KNOWN).toMatch(/^sha256=[0-9a-f]{64}$/)
  })

  it("returns the row to store for a correctly signed delivery: id, event, ICCID, body, received", () => {
    expect(readWebhookDelivery(delivery(), SECRET, NOW)).toEqual({
      webhook_id: "wh_1",
      received_at: NOW,
      event: "esim.installed",
      iccid: "8988000000000000011",
      body: JSON.parse(BODY),
      status: "received",
      error: null,
    })
  })

  it.each([
    ["a missing signature", { signature: undefined }],
    [
      "a signature made with another secret",
      { signature: "sha256=" + createHmac("sha256", "other").update(BODY).digest("hex") },
    ],
    ["a signature of other bytes", { rawBody: Buffer.from(BODY + " ") }],
    ["a bare hex signature", { signature: KNOWN.slice("sha256=".length) }],
    ["no body", { rawBody: undefined }],
  ])("refuses %s (null: nothing to store)", (_what, over) => {
    expect(readWebhookDelivery(delivery(over), SECRET, NOW)).toBeNull()
  })

  it("refuses every delivery when no secret is configured", () => {
    expect(readWebhookDelivery(delivery(), null, NOW)).toBeNull()
  })

  it("stores an authentic body it cannot read as failed, with the reason and the header's event name", () => {
    const raw = "not json"
    const signature = "sha256=" + createHmac("sha256", SECRET).update(raw).digest("hex")
    const row = readWebhookDelivery(delivery({ rawBody: Buffer.from(raw), signature }), SECRET, NOW)
    expect(row).toMatchObject({
      status: "failed",
      event: "esim.installed",
      body: null,
      error: "body is not a JSON object",
    })
  })

  it("dedupes a delivery without X-Webhook-Id on the hash of its body", () => {
    const a = readWebhookDelivery(delivery({ webhookId: undefined }), SECRET, NOW)
    const b = readWebhookDelivery(delivery({ webhookId: "  " }), SECRET, NOW)
    expect(a?.webhook_id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(b?.webhook_id).toBe(a?.webhook_id)
  })
})
