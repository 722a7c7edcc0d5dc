import { inspect } from "node:util"

import { EsimflyError, EsimflyInvalidRequestError, EsimflyOutcomeUnknownError } from "../errors"
import { Call, json, makeClient, raw, Reply, resetError, timeoutError } from "./fake-fetch"
import { sentOnceOutcomeUnknown } from "./support/sent-once"
import { expectSignedAsSent } from "./support/signed"

const WHSEC = "whsec_LEAKCANARY9f8e7d6c5b4a"
const URL = "https://shop.example/hooks/esimfly"
const BASE = "https://api.test/api/v1/business"

/** The documented PUT /webhooks answer (docs: lifecycle.md, "Configure"). */
const setAnswer = (webhook: Record<string, unknown> = {}) => ({
  success: true,
  message: "Webhook configured",
  webhook: { url: URL, secret: WHSEC, events: ["esim.installed", "esim.status.changed"], ...webhook },
  note: "Save the secret now; it is shown once",
})

const input = { url: URL, events: ["esim.installed", "esim.status.changed"] as const }

function renderings(error: unknown): string[] {
  const e = error as Error
  return [String(e), e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 })]
}

/** A server that echoes the webhook secret in every text field of an error answer. */
function echoing(status: number, code?: string): Reply {
  const text = `webhook ${URL} secret ${WHSEC} rejected`
  return json({ success: false, code, error: text, message: text }, status)
}

describe("setWebhook", () => {
  it("sends one signed PUT /webhooks with webhook_url and events and returns the secret", async () => {
    const { client, calls } = makeClient([json(setAnswer())])

    const result = await client.setWebhook({ ...input, events: [...input.events] })

    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      method: "PUT",
      url: `${BASE}/webhooks`,
      body: `{"webhook_url":"${URL}","events":["esim.installed","esim.status.changed"]}`,
    })
    expect(calls[0]?.headers["Content-Type"]).toBe("application/json")
    expectSignedAsSent(calls[0])
    expect(result).toEqual({
      url: URL,
      secret: WHSEC,
      events: ["esim.installed", "esim.status.changed"],
      message: "Webhook configured",
      note: "Save the secret now; it is shown once",
    })
  })

  it("refuses a non-https URL, an unknown event and no events before any call", async () => {
    const { client, calls } = makeClient([])

    await expect(
      client.setWebhook({ url: "http://shop.example/hook", events: ["esim.installed"] })
    ).rejects.toMatchObject({ constructor: EsimflyInvalidRequestError, field: "url" })
    await expect(
      client.setWebhook({ url: URL, events: ["topup.completed" as "esim.installed"] })
    ).rejects.toMatchObject({
      field: "events.0",
    })
    await expect(client.setWebhook({ url: URL, events: [] })).rejects.toMatchObject({ field: "events" })
    expect(calls).toHaveLength(0)
  })

  it("is never re-sent: a timeout, a reset, a bare 502 or an unreadable 200 is WEBHOOK_OUTCOME_UNKNOWN", async () => {
    const send = (reply: Reply) =>
      sentOnceOutcomeUnknown(
        (client) => client.setWebhook({ ...input, events: [...input.events] }),
        reply,
        setAnswer(),
        {
          code: "WEBHOOK_OUTCOME_UNKNOWN",
        }
      )

    expect((await send(timeoutError())).causeKind).toBe("timeout")
    expect((await send(resetError())).causeKind).toBe("network")
    expect((await send(raw("<html>Bad gateway</html>", 502))).causeKind).toBe("bad_gateway")
    const error = await send(json(setAnswer({ url: undefined })))
    expect(error.causeKind).toBe("unreadable_response")
    expect(error.message).toBe(
      "esimfly set-webhook outcome unknown (unreadable_response); " +
        "set it again: each call rotates the secret and only its answer shows the new one"
    )
  })

  it.each<[string, Reply]>([
    ["an answer that has the secret but misses the URL", json(setAnswer({ url: undefined }))],
    ["an answer whose events are not a list", json(setAnswer({ events: WHSEC }))],
    ["a 200 with success:false echoing it", echoing(200)],
    ["a 400 echoing it", echoing(400, "INVALID_URL")],
    ["a 401 echoing it", echoing(401)],
    ["a 500 esimfly error echoing it", echoing(500, "INTERNAL_ERROR")],
    ["a non-JSON 200 containing it", raw(`{"webhook":{"secret":"${WHSEC}"`, 200)],
    ["a network error naming it", new TypeError(`connect failed while sending ${WHSEC}`)],
  ])("keeps the webhook secret out of the error, its JSON and the logs on %s", async (_label, reply) => {
    const { client, lines } = makeClient([reply])

    const error = await client.setWebhook({ ...input, events: [...input.events] }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyError)
    for (const text of [...renderings(error), ...lines]) {
      expect(text).not.toContain(WHSEC)
      expect(text).not.toContain("LEAKCANARY")
    }
  })

  it("logs nothing of the secret when the webhook is set", async () => {
    const { client, lines } = makeClient([json(setAnswer())])

    await client.setWebhook({ ...input, events: [...input.events] })

    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join("\n")).not.toContain("LEAKCANARY")
  })

  it("gives the unknown-outcome error no field that could hold the secret", async () => {
    const { client } = makeClient([timeoutError()])

    const error = (await client.setWebhook({ ...input, events: [...input.events] }).catch((e: unknown) => e)) as Error

    expect(error).toBeInstanceOf(EsimflyOutcomeUnknownError)
    expect(Object.keys(JSON.parse(JSON.stringify(error))).sort()).toEqual(
      ["causeKind", "code", "message", "name", "requestId", "retryable"].sort()
    )
  })
})

describe("getWebhook", () => {
  it("sends one signed GET /webhooks and reads the URL, events and recent deliveries", async () => {
    const { client, calls } = makeClient([
      json({
        success: true,
        webhook: { url: URL, events: ["esim.installed"], api_key_name: "Shop" },
        available_events: [{ event: "esim.installed", description: "First enabled on a device" }],
        recent_deliveries: [
          {
            id: 91,
            event: "esim.installed",
            order_reference: "order_1_abcde",
            status: "delivered",
            attempts: 1,
            last_attempt: "2026-02-13T23:27:01Z",
            delivered_at: "2026-02-13T23:27:01Z",
          },
        ],
      }),
    ])

    const state = await client.getWebhook()

    expect(calls[0]).toMatchObject({ method: "GET", url: `${BASE}/webhooks` })
    expectSignedAsSent(calls[0] as Call)
    expect(state).toEqual({
      url: URL,
      events: ["esim.installed"],
      apiKeyName: "Shop",
      availableEvents: [{ event: "esim.installed", description: "First enabled on a device" }],
      recentDeliveries: [
        {
          id: "91",
          event: "esim.installed",
          orderReference: "order_1_abcde",
          status: "delivered",
          attempts: 1,
          lastAttempt: "2026-02-13T23:27:01Z",
          deliveredAt: "2026-02-13T23:27:01Z",
        },
      ],
    })
  })

  it("reads an account without a webhook as no URL, no events and no deliveries", async () => {
    const { client } = makeClient([json({ success: true, webhook: null })])

    expect(await client.getWebhook()).toEqual({
      url: null,
      events: [],
      apiKeyName: null,
      availableEvents: [],
      recentDeliveries: [],
    })
  })
})
