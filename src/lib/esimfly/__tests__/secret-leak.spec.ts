import { inspect } from "node:util"

import { EsimflyClient } from "../client"
import { EsimflyError } from "../errors"
import { parseEsimflyOptions } from "../options"
import {
  Call,
  Reply,
  completedOrder,
  fakeFetch,
  json,
  raw,
  recordingLogger,
  resetError,
  timeoutError,
} from "./fake-fetch"

const SECRET = "sk_LEAKCANARY_0123456789"

const CODES = [
  "MISSING_PACKAGE_CODE",
  "INVALID_PACKAGE",
  "PRICE_MISMATCH",
  "INSUFFICIENT_BALANCE",
  "INVALID_SIGNATURE",
  "INVALID_USER",
  "ORDER_PROCESSING_ERROR",
  "INVALID_REQUEST_ID",
  "DUPLICATE_REQUEST",
  "INVALID_API_KEY",
  "INVALID_TIMESTAMP",
  "RATE_LIMIT_EXCEEDED",
  "ORDER_NOT_FOUND",
  "ESIM_NOT_FOUND",
  "ALREADY_CANCELLED",
  "ESIM_NOT_CANCELLABLE",
  "MISSING_ICCID",
  "ESIM_NOT_TOPPABLE",
  "ESIM_ACCESS_DENIED",
  "INVALID_TOPUP_PACKAGE",
  "TOPUP_NOT_SUPPORTED",
  "MISSING_IDENTIFIER",
  "FORBIDDEN",
  "PROVIDER_ERROR",
  "MISSING_FIELDS",
  "SOMETHING_UNKNOWN",
]

/** A server that echoes the secret and the signature it received in every text field. */
function echoing(code: string | undefined, status: number): Reply {
  return (call: Call) => {
    const signature = call.headers["RT-Signature"] ?? ""
    const text = `bad ${SECRET} sig=${signature} lower=${signature.toLowerCase()}`
    return json({ success: false, code, message: text, error: text }, status, { "Retry-After": "1" })
  }
}

/** A network failure whose text contains the signature. */
function leakyRejection(): Reply {
  return (call: Call) => {
    throw new TypeError(`connect failed for ${call.headers["RT-Signature"]} using ${SECRET}`)
  }
}

const failingReplies: [string, Reply[]][] = [
  ...CODES.flatMap((code): [string, Reply[]][] => [
    [`${code} as 400`, [echoing(code, 400)]],
    [`${code} as 500`, [echoing(code, 500), echoing(code, 500), echoing(code, 500)]],
  ]),
  ["a 401 without code", [echoing(undefined, 401)]],
  ["a 429 without code", [echoing(undefined, 429), echoing(undefined, 429), echoing(undefined, 429)]],
  ["a 200 with success:false", [echoing(undefined, 200)]],
  ["a leaky network error", [leakyRejection(), leakyRejection(), leakyRejection()]],
  ["a timeout", [timeoutError(), timeoutError(), timeoutError()]],
  ["a connection reset", [resetError(), resetError(), resetError()]],
  ["a bare 502", [raw(`<html>${SECRET}</html>`, 502), raw("", 502), raw("", 502)]],
  ["a non-JSON 200", [raw(`not json ${SECRET}`, 200)]],
  ["a wrong-typed 200", [json({ success: true, orderReference: SECRET, data: { balance: SECRET }, order: SECRET })]],
]

function clientFor(replies: Reply[]) {
  const { fetch, calls } = fakeFetch(replies)
  const { logger, lines } = recordingLogger()
  const client = new EsimflyClient({
    accessCode: "esf_test_access",
    secretKey: SECRET,
    baseUrl: "https://api.test/api/v1/business",
    maxRetries: 2,
    fetch,
    logger,
    sleep: async () => undefined,
  })
  return { client, calls, lines }
}

function renderings(error: unknown): string[] {
  const e = error as Error
  return [String(e), e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 })]
}

function expectNoLeak(texts: string[], signatures: string[]): void {
  const forbidden = [SECRET, ...signatures, ...signatures.map((s) => s.toLowerCase())]
  for (const text of texts) {
    for (const secret of forbidden) {
      expect(text).not.toContain(secret)
    }
  }
}

const operations: [string, (client: EsimflyClient) => Promise<unknown>][] = [
  ["createOrder", (client) => client.createOrder({ packageCode: "TR1GB7D", idempotencyKey: "k1" })],
  ["getOrder", (client) => client.getOrder("order_1")],
  ["listOrders", (client) => client.listOrders({ limit: 10 })],
  ["getBalance", (client) => client.getBalance()],
  ["listPackages", (client) => client.listPackages()],
  ["cancelEsim", (client) => client.cancelEsim("8932042000010078801")],
  ["setWebhook", (client) => client.setWebhook({ url: "https://shop.example/hook", events: ["esim.installed"] })],
  ["getWebhook", (client) => client.getWebhook()],
  ["listEsims", (client) => client.listEsims({ status: "ACTIVE" })],
  ["queryUsage", (client) => client.queryUsage({ iccid: "8932042000010078801" })],
  ["esimStatus", (client) => client.esimStatus({ iccid: "8932042000010078801" })],
  ["listTopupPackages", (client) => client.listTopupPackages({ iccid: "8932042000010078801" })],
  ["orderTopup", (client) => client.orderTopup({ iccid: "8932042000010078801", packageCode: "TR-TOPUP-1GB" })],
]

describe("no secret or signature ever leaks", () => {
  describe.each(operations)("%s", (_name, operation) => {
    it.each(failingReplies)("on %s", async (_case, replies) => {
      const { client, calls, lines } = clientFor(replies)

      const error = await operation(client).catch((e: unknown) => e)

      expect(error).toBeInstanceOf(EsimflyError)
      const signatures = calls.map((call) => call.headers["RT-Signature"] ?? "")
      expect(signatures.every((s) => /^[0-9A-F]{64}$/.test(s))).toBe(true)
      expectNoLeak([...renderings(error), ...lines], signatures)
    })
  })

  it("keeps the secret out of the client object itself", async () => {
    const { client, calls, lines } = clientFor([json(completedOrder())])

    await client.createOrder({ packageCode: "TR1GB7D" })

    const signatures = calls.map((call) => call.headers["RT-Signature"] ?? "")
    expectNoLeak([inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), ...lines], signatures)
    expect(Object.values(client)).not.toContain(SECRET)
  })

  it("keeps the secret out of validation and options errors", async () => {
    const { client } = clientFor([])
    const validation = await client.createOrder({ packageCode: SECRET, quantity: 11 }).catch((e: unknown) => e)
    let options: unknown
    try {
      parseEsimflyOptions({ accessCode: "", secretKey: SECRET, baseUrl: SECRET })
    } catch (error) {
      options = error
    }

    expectNoLeak([...renderings(validation), ...renderings(options)], [])
  })
})
