import { inspect } from "node:util"
import { createSandbox } from "../../../../sandbox"
import { EsimflyClient, EsimflyClientConfig } from "../client"
import * as errors from "../errors"

type Sandbox = ReturnType<typeof createSandbox>

const SECRET = "sk_CONTRACT_CANARY_9f8e7d6c5b4a"
const ACCESS = "esf_contract_access"

let sandbox: Sandbox
let url: string

beforeEach(async () => {
  sandbox = createSandbox({ accessCode: ACCESS, secretKey: SECRET, balance: 100 })
  url = (await sandbox.listen(0)).url
})

afterEach(async () => {
  await sandbox.close()
})

type Recorder = { signatures: string[]; logs: string[] }

function clientFor(recorder: Recorder, overrides: Partial<EsimflyClientConfig> = {}) {
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    recorder.signatures.push(headers.get("RT-Signature") ?? "")
    return fetch(input, init)
  }
  const log = (message: string, meta?: unknown) => recorder.logs.push(`${message} ${inspect(meta)}`)
  return new EsimflyClient({
    accessCode: ACCESS,
    secretKey: SECRET,
    baseUrl: url,
    maxRetries: 0,
    fetch: recordingFetch,
    logger: { debug: log, warn: log },
    ...overrides,
  })
}

function newRecorder(): Recorder {
  return { signatures: [], logs: [] }
}

async function failureOf(promise: Promise<unknown>): Promise<errors.EsimflyError> {
  try {
    await promise
  } catch (error) {
    return error as errors.EsimflyError
  }
  throw new Error("expected the call to fail")
}

const failOrder = (status: number, code: string) =>
  sandbox.faults.failNext({ status, code, message: `injected ${code}`, path: "/esims/order", method: "POST" })

/** Every documented error code, provoked through the real sandbox and raised as its family. */
const cases: [string, new (...args: never[]) => errors.EsimflyError, (r: Recorder) => Promise<unknown>][] = [
  [
    "MISSING_PACKAGE_CODE",
    errors.EsimflyInvalidRequestError,
    (r) => {
      failOrder(400, "MISSING_PACKAGE_CODE")
      return clientFor(r).createOrder({ packageCode: "TR1GB7D" })
    },
  ],
  ["INVALID_PACKAGE", errors.EsimflyRefusedError, (r) => clientFor(r).createOrder({ packageCode: "NO-SUCH-PACKAGE" })],
  [
    "PRICE_MISMATCH",
    errors.EsimflyRefusedError,
    (r) => {
      failOrder(400, "PRICE_MISMATCH")
      return clientFor(r).createOrder({ packageCode: "TR1GB7D" })
    },
  ],
  [
    "INVALID_SIGNATURE",
    errors.EsimflyAuthenticationError,
    (r) => clientFor(r, { secretKey: `${SECRET}-wrong` }).getBalance(),
  ],
  [
    "INVALID_USER",
    errors.EsimflyAuthenticationError,
    (r) => clientFor(r, { accessCode: sandbox.personalAccessCode }).getBalance(),
  ],
  [
    "ORDER_PROCESSING_ERROR",
    errors.EsimflyRefusedError,
    (r) => {
      failOrder(500, "ORDER_PROCESSING_ERROR")
      return clientFor(r).createOrder({ packageCode: "TR1GB7D" })
    },
  ],
  [
    "INVALID_REQUEST_ID",
    errors.EsimflyInvalidRequestError,
    (r) => clientFor(r, { generateRequestId: () => "not-a-uuid" }).getBalance(),
  ],
  [
    "DUPLICATE_REQUEST",
    errors.EsimflyInvalidRequestError,
    async (r) => {
      const client = clientFor(r, { generateRequestId: () => "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b" })
      await client.getBalance()
      return client.getBalance()
    },
  ],
  [
    "INVALID_API_KEY",
    errors.EsimflyAuthenticationError,
    (r) => clientFor(r, { accessCode: "esf_unknown" }).getBalance(),
  ],
  [
    "INVALID_TIMESTAMP",
    errors.EsimflyAuthenticationError,
    (r) => clientFor(r, { now: () => Date.now() - 6 * 60 * 1000 }).getBalance(),
  ],
  [
    "RATE_LIMIT_EXCEEDED",
    errors.EsimflyRateLimitError,
    async (r) => {
      sandbox.faults.setRateLimit({ limit: 1, windowMs: 60_000 })
      // Paced, the second call would wait out the window instead of meeting the 429.
      const client = clientFor(r, { rateLimitPacing: false })
      await client.getBalance()
      return client.getBalance()
    },
  ],
]

describe("the client against the sandbox", () => {
  it.each(cases)("raises %s as its family, keeping the code", async (code, ErrorFamily, provoke) => {
    const error = await failureOf(provoke(newRecorder()))
    expect(error.constructor).toBe(ErrorFamily)
    expect(error.code).toBe(code)
    expect(error.requestId).toEqual(expect.any(String))
  })

  it("raises INSUFFICIENT_BALANCE with the three amounts", async () => {
    sandbox.setBalance(12.4)
    const price = sandbox.packages().find((p) => p.package_code === "EU-5GB-30D")?.cost ?? NaN
    const client = clientFor(newRecorder())
    const error = await failureOf(client.createOrder({ packageCode: "EU-5GB-30D", quantity: 2 }))
    expect(error).toBeInstanceOf(errors.EsimflyInsufficientBalanceError)
    const balanceError = error as errors.EsimflyInsufficientBalanceError
    expect(balanceError.currentBalance).toBe(12.4)
    expect(balanceError.requiredBalance).toBeCloseTo(price * 2, 2)
    expect(balanceError.needToLoad).toBeCloseTo(price * 2 - 12.4, 2)
    expect(sandbox.ledger().orders).toHaveLength(0)
  })

  it("keeps status, code and request id of an unknown 4xx code, as an invalid request", async () => {
    sandbox.faults.failNext({ status: 418, code: "TEAPOT_MODE", path: "/balance" })
    const error = await failureOf(clientFor(newRecorder()).getBalance())
    expect(error.constructor).toBe(errors.EsimflyInvalidRequestError)
    expect(error).toMatchObject({ status: 418, code: "TEAPOT_MODE", requestId: expect.any(String) })
  })

  it("sends create-order exactly once when the reply is dropped, and reports the outcome unknown", async () => {
    sandbox.faults.dropReplyNext({ path: "/esims/order", method: "POST" })
    const client = clientFor(newRecorder(), { maxRetries: 3 })
    const error = await failureOf(
      client.createOrder({ packageCode: "TR1GB7D", quantity: 2, idempotencyKey: "order_1:line_1:0" })
    )
    expect(error).toBeInstanceOf(errors.EsimflyOutcomeUnknownError)
    expect(error).toMatchObject({
      code: "ORDER_OUTCOME_UNKNOWN",
      idempotencyKey: "order_1:line_1:0",
      requestId: expect.any(String),
    })
    const ledger = sandbox.ledger()
    expect(ledger.requests.filter((r) => r.method === "POST")).toHaveLength(1)
    expect(ledger.orders).toHaveLength(1)
    expect(ledger.orders[0]).toMatchObject({ requestId: error.requestId })
  })

  it("reports a create-order that hangs past its timeout as outcome unknown, sent once", async () => {
    sandbox.faults.hangNext({ path: "/esims/order", method: "POST" })
    const client = clientFor(newRecorder(), { orderTimeoutMs: 1000 })
    const error = await failureOf(client.createOrder({ packageCode: "TR1GB7D" }))
    expect(error).toBeInstanceOf(errors.EsimflyOutcomeUnknownError)
    expect(sandbox.ledger().requests.filter((r) => r.method === "POST")).toHaveLength(1)
  })

  it("retries a GET through injected 503s with fresh request ids", async () => {
    sandbox.faults.failNext({ count: 2, status: 503, path: "/balance" })
    const waits: number[] = []
    const sleep = async (ms: number) => void waits.push(ms)
    const client = clientFor(newRecorder(), { maxRetries: 3, retryMaxMs: 2000, sleep })
    await expect(client.getBalance()).resolves.toEqual({ balance: 100, currency: "USD" })
    expect(waits).toEqual([1000, 1000])
    const posts = sandbox.ledger().requests.filter((r) => r.path.endsWith("/balance"))
    expect(new Set(posts.map((r) => r.requestId)).size).toBe(3)
    expect(client.rateLimit).toMatchObject({ limit: 1000, remaining: expect.any(Number) })
  })

  it("never lets the secret or a signature reach an error or a log line", async () => {
    const recorder = newRecorder()
    const failures: errors.EsimflyError[] = []
    for (const [, , provoke] of cases) {
      failures.push(await failureOf(provoke(recorder)))
      sandbox.faults.reset()
    }
    sandbox.faults.dropReplyNext({ path: "/esims/order", method: "POST" })
    failures.push(await failureOf(clientFor(recorder).createOrder({ packageCode: "TR1GB7D" })))
    const texts = failures.flatMap((e) => [
      String(e),
      e.message,
      e.stack ?? "",
      JSON.stringify(e),
      inspect(e, { depth: 10 }),
    ])
    const haystack = [...texts, ...recorder.logs].join("\n")
    expect(recorder.signatures.length).toBeGreaterThan(cases.length)
    for (const needle of [SECRET, ...recorder.signatures, ...recorder.signatures.map((s) => s.toLowerCase())]) {
      expect(haystack).not.toContain(needle)
    }
  })
})
