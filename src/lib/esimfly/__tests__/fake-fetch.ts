import { EsimflyClient, EsimflyClientConfig } from "../client"
import { RatePacerRegistry } from "../rate-pacer"
import type { FetchLike } from "../transport"

/** One request the fake fetch received. */
export type Call = {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
}

/** A scripted reply: a response, a rejection, or a function of the call. */
export type Reply = Response | Error | ((call: Call) => Response | Promise<Response>)

/** A JSON response with optional headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  })
}

/** A raw text response. */
export function raw(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers })
}

/** A fetch that plays scripted replies in order and records every call. */
export function fakeFetch(replies: Reply[]): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = []
  const queue = [...replies]
  const fetch: FetchLike = async (url, init) => {
    const call: Call = {
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === "string" ? init.body : undefined,
    }
    calls.push(call)
    const reply = queue.shift()
    if (reply === undefined) {
      throw new Error(`fake fetch: no reply scripted for call ${calls.length}`)
    }
    if (reply instanceof Response) {
      return reply
    }
    if (typeof reply === "function") {
      return reply(call)
    }
    throw reply
  }
  return { fetch, calls }
}

/** A logger that records every line. */
export function recordingLogger(): { logger: NonNullable<EsimflyClientConfig["logger"]>; lines: string[] } {
  const lines: string[] = []
  const record = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`)
  }
  return { logger: { debug: record("debug"), warn: record("warn") }, lines }
}

/**
 * A client wired to a fake fetch, a fake clock that only an (instant, recorded) sleep moves,
 * fixed randomness, and a pacer of its own.
 */
export function makeClient(replies: Reply[], config: Partial<EsimflyClientConfig> = {}) {
  const { fetch, calls } = fakeFetch(replies)
  const delays: number[] = []
  const { logger, lines } = recordingLogger()
  let clock = Date.UTC(2026, 0, 1, 12, 0, 0)
  const client = new EsimflyClient({
    accessCode: "esf_test_access",
    secretKey: "sk_test_secret",
    baseUrl: "https://api.test/api/v1/business",
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      delays.push(ms)
      clock += ms
    },
    random: () => 0.5,
    logger,
    pacers: new RatePacerRegistry(),
    ...config,
  })
  return { client, calls, delays, lines }
}

/** A timeout rejection as Node's fetch produces it for AbortSignal.timeout. */
export function timeoutError(): Error {
  return new DOMException("The operation was aborted due to timeout", "TimeoutError")
}

/** A connection reset as undici reports it. */
export function resetError(): Error {
  const error = new TypeError("fetch failed")
  Object.assign(error, { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) })
  return error
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const LPA = "LPA:1$rsp-3104.idemia.io$DOAZJ-HYDO5-HGMLN-S9B8S"

/** The documented completed create-order response (docs: create-order.md, USD example). */
export function completedOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    success: true,
    message: "Order processed successfully",
    orderReference: "order_1692123456_ab7cd",
    esimId: 2503,
    packageName: "Turkey 1 GB 7 Days",
    newBalance: 47.28,
    currency: "USD",
    lpaString: LPA,
    qrCodeUrl: "data:image/png;base64,iVBORw0KGgo...",
    directAppleInstallUrl: `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${LPA}`,
    paymentMethod: "balance",
    status: "completed",
    amount: 2.72,
    profit: 0.2,
    final_price: 2.72,
    processing_time_ms: 3245,
    esims: [
      {
        iccid: "8932042000010078801",
        lpaString: LPA,
        qrCodeUrl: "data:image/png;base64,iVBORw0KGgo...",
        directAppleInstallUrl: `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${LPA}`,
        status: "New",
        profileStatus: "nodownload",
        isPending: false,
      },
    ],
    ...overrides,
  }
}
