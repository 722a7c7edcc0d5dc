import { createHmac } from "node:crypto"
import { SandboxLedger } from "../index"
import { signWebhook } from "../webhook-delivery"
import { ALL_EVENTS, buyEsim, registerWebhook, WebhookBody } from "./support/after-sale"
import { useSandbox } from "./support/harness"
import { Receiver, startReceiver } from "./support/receiver"
import { ErrorBody } from "./support/wire"

interface GetWebhookBody {
  success: true
  webhook: { url: string; events: string[]; api_key_name: string } | null
  available_events: Array<{ event: string; description: string }>
  recent_deliveries: Array<{ id: string; event: string; status: string; attempts: number; order_reference: string }>
}

const TIME_FACTOR = 0.001

describe("esimfly webhooks", () => {
  const current = useSandbox(() => ({ webhookTimeFactor: TIME_FACTOR, allowHttpWebhooks: true }))
  let receiver: Receiver

  beforeEach(async () => {
    receiver = await startReceiver()
  })
  afterEach(() => receiver.close())

  async function installedEsim(events = ALL_EVENTS) {
    const { api, sandbox } = current()
    const secret = await registerWebhook(api, receiver.url, events)
    const esim = await buyEsim(api)
    sandbox.installEsim(esim.iccid)
    await sandbox.settleWebhooks()
    return { secret, ...esim }
  }

  it("PUT /webhooks returns a whsec_ secret once, GET /webhooks hides it, and a second PUT rotates it", async () => {
    const { api } = current()
    const first = await registerWebhook(api, "https://shop.example/hooks", ["esim.status.changed"])
    expect(first).toMatch(/^whsec_[0-9a-f]{48}$/)
    const read = await api.get<GetWebhookBody>("/webhooks")
    expect(read.body.webhook).toEqual({
      url: "https://shop.example/hooks",
      events: ["esim.status.changed"],
      api_key_name: expect.any(String),
    })
    expect(JSON.stringify(read.body)).not.toContain(first)
    expect(read.body.available_events.map((entry) => entry.event)).toEqual(expect.arrayContaining(ALL_EVENTS))
    const second = await registerWebhook(api, "https://shop.example/hooks", ["esim.status.changed"])
    expect(second).not.toBe(first)
    expect(current().sandbox.ledger().webhooks.secret).toBe(second)
  })

  it("PUT /webhooks refuses http URLs other than localhost and unknown events", async () => {
    const { api } = current()
    const put = (body: unknown) => api.call<ErrorBody>({ method: "PUT", path: "/webhooks", body })
    const insecure = await put({ webhook_url: "http://shop.example/hooks", events: ["esim.installed"] })
    expect(insecure.body).toMatchObject({ success: false, code: "INVALID_WEBHOOK_URL" })
    const unknown = await put({ webhook_url: "https://shop.example/hooks", events: ["order.failed"] })
    expect(unknown.body).toMatchObject({ success: false, code: "INVALID_EVENTS" })
    const local = await put({ webhook_url: receiver.url, events: ["esim.installed"] })
    expect(local.status).toBe(200)
  })

  it("signs each delivery with sha256= and the lowercase hex HMAC-SHA256 of the raw body under the secret", async () => {
    const { secret, iccid } = await installedEsim()
    expect(receiver.received).toHaveLength(3)
    for (const { headers, raw } of receiver.received) {
      const expected = "sha256=" + createHmac("sha256", secret).update(raw).digest("hex")
      expect(headers["x-webhook-signature"]).toBe(expected)
      expect(headers["content-type"]).toBe("application/json")
      expect(headers["user-agent"]).toBe("eSIMfly-Webhook/1.0")
      const body = JSON.parse(raw) as WebhookBody
      expect(headers["x-webhook-event"]).toBe(body.event)
      expect(headers["x-webhook-timestamp"]).toBe(body.timestamp)
      expect(body.data).toMatchObject({ iccid, esim_id: expect.any(Number), package_code: "TR-1GB-7D" })
    }
    const ids = receiver.received.map(({ headers }) => headers["x-webhook-id"])
    expect(new Set(ids).size).toBe(3)
  })

  it("signWebhook gives the known answer for a fixed secret and body (computed with openssl)", () => {
    const body = '{"event":"esim.installed","timestamp":"2026-01-01T00:00:00.000Z","data":{}}'
    expect(signWebhook("whsec_test", body)).toBe(
      "sha256=1bb10f1d83cc9b137b2c8310a80656f9e7fd0561412a391ef9eb5f027b9b5986"
    )
  })

  it("sends only subscribed events", async () => {
    await installedEsim(["esim.status.changed"])
    expect(receiver.received.map(({ headers }) => headers["x-webhook-event"])).toEqual(["esim.status.changed"])
    const body = JSON.parse(receiver.received[0].raw) as WebhookBody
    expect(body.data).toMatchObject({ old_status: "NEW", new_status: "ACTIVE" })
  })

  it("retries a delivery after 10 s, 30 s, 2 min and 10 min scaled by the time factor, keeping its X-Webhook-Id, then marks it failed", async () => {
    receiver.answers = [500, 500, 503, 500, 500]
    await installedEsim(["esim.status.changed"])
    expect(receiver.received).toHaveLength(5)
    expect(new Set(receiver.received.map(({ headers }) => headers["x-webhook-id"])).size).toBe(1)
    const gaps = receiver.received.slice(1).map((call, index) => call.at - receiver.received[index].at)
    ;[10_000, 30_000, 120_000, 600_000].forEach((delay, index) => {
      expect(gaps[index]).toBeGreaterThanOrEqual(delay * TIME_FACTOR - 1)
    })
    const { api, sandbox } = current()
    const [delivery] = sandbox.ledger().webhooks.deliveries
    expect(delivery).toMatchObject({ status: "failed", deliveredAt: null })
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 503, 500, 500])
    const read = await api.get<GetWebhookBody>("/webhooks")
    expect(read.body.recent_deliveries).toEqual([
      expect.objectContaining({ id: delivery.id, status: "failed", attempts: 5, event: "esim.status.changed" }),
    ])
  })

  it("stops retrying at the first 2xx", async () => {
    receiver.answers = [500, 502]
    await installedEsim(["esim.status.changed"])
    expect(receiver.received).toHaveLength(3)
    const [delivery] = current().sandbox.ledger().webhooks.deliveries
    expect(delivery.status).toBe("delivered")
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 502, 200])
  })

  it("counts a receiver that does not answer within the reply window as a failed attempt", async () => {
    receiver.answers = ["hang"]
    await installedEsim(["esim.status.changed"])
    const [delivery] = current().sandbox.ledger().webhooks.deliveries
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([null, 200])
    expect(delivery.status).toBe("delivered")
  })

  it("lists the last 10 deliveries in GET /webhooks, newest first", async () => {
    const { api, sandbox } = current()
    await registerWebhook(api, receiver.url)
    for (let i = 0; i < 4; i++) sandbox.installEsim((await buyEsim(api)).iccid)
    await sandbox.settleWebhooks()
    const read = await api.get<GetWebhookBody>("/webhooks")
    const ledger: SandboxLedger = sandbox.ledger()
    expect(ledger.webhooks.deliveries).toHaveLength(12)
    const newest = ledger.webhooks.deliveries.slice(-10).reverse()
    expect(read.body.recent_deliveries.map((entry) => entry.id)).toEqual(newest.map((delivery) => delivery.id))
    expect(read.body.recent_deliveries.every((entry) => entry.status === "delivered")).toBe(true)
  })
})

describe("esimfly webhook faults", () => {
  const current = useSandbox(() => ({ webhookTimeFactor: TIME_FACTOR, allowHttpWebhooks: true }))
  let receiver: Receiver

  beforeEach(async () => {
    receiver = await startReceiver()
  })
  afterEach(() => receiver.close())

  async function install(events = ["esim.installed", "esim.status.changed"]) {
    const { api, sandbox } = current()
    const secret = await registerWebhook(api, receiver.url, events)
    const { iccid } = await buyEsim(api)
    sandbox.installEsim(iccid)
    await sandbox.settleWebhooks()
    return secret
  }

  const eventsReceived = () => receiver.received.map(({ headers }) => headers["x-webhook-event"])

  it("duplicate: the same delivery arrives twice with the same X-Webhook-Id and body", async () => {
    current().sandbox.faults.webhookNext({ kind: "duplicate", event: "esim.installed" })
    await install()
    const installed = receiver.received.filter(({ headers }) => headers["x-webhook-event"] === "esim.installed")
    expect(installed).toHaveLength(2)
    expect(installed[0].headers["x-webhook-id"]).toBe(installed[1].headers["x-webhook-id"])
    expect(installed[0].raw).toBe(installed[1].raw)
    expect(
      current()
        .sandbox.ledger()
        .webhooks.deliveries.filter((delivery) => delivery.duplicate)
    ).toHaveLength(1)
  })

  it("drop: the delivery is never sent and the ledger marks it dropped", async () => {
    current().sandbox.faults.webhookNext({ kind: "drop", event: "esim.installed" })
    await install()
    expect(eventsReceived()).toEqual(["esim.status.changed"])
    const dropped = current()
      .sandbox.ledger()
      .webhooks.deliveries.find((delivery) => delivery.status === "dropped")
    expect(dropped).toMatchObject({ event: "esim.installed", attempts: [] })
  })

  it("outOfOrder: the delivery goes out after the next one", async () => {
    current().sandbox.faults.webhookNext({ kind: "outOfOrder", event: "esim.installed" })
    await install()
    expect(eventsReceived()).toEqual(["esim.status.changed", "esim.installed"])
  })

  it("badSignature: the first attempt is signed with another key, so a verifying receiver's 401 gets a correctly signed retry", async () => {
    current().sandbox.faults.webhookNext({ kind: "badSignature" })
    receiver.answers = [401]
    const secret = await install(["esim.status.changed"])
    const verdicts = receiver.received.map(({ headers, raw }) => {
      const good = "sha256=" + createHmac("sha256", secret).update(raw).digest("hex")
      return headers["x-webhook-signature"] === good
    })
    expect(verdicts).toEqual([false, true])
    expect(new Set(receiver.received.map(({ headers }) => headers["x-webhook-id"])).size).toBe(1)
  })

  it("POST /__sandbox/faults accepts webhookNext and refuses an unknown kind", async () => {
    const { control } = current()
    const set = await control<{ webhookNext: unknown[] }>("/faults", { webhookNext: { kind: "drop", count: 2 } })
    expect(set.body.webhookNext).toEqual([{ kind: "drop", remaining: 2, event: null }])
    const bad = await control<{ error: string }>("/faults", { webhookNext: { kind: "late" } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/webhookNext.kind/)
  })
})
