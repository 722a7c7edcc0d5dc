import { createSandbox } from "../../../../sandbox"
import { EsimflyClient } from "../client"
import { EsimflyInvalidRequestError, EsimflyNotFoundError, EsimflyRateLimitError, EsimflyRefusedError } from "../errors"
import { json, makeClient, raw, Reply, resetError, timeoutError, UUID_V4 } from "./fake-fetch"
import { sentOnceOutcomeUnknown } from "./support/sent-once"

const ICCID = "8932042000010078801"

const cancelled = (overrides: Record<string, unknown> = {}) => ({
  success: true,
  data: {
    orderReference: "order_1_abcde",
    cancelled: [ICCID, "8932042000010078802"],
    refunded: 5.44,
    currency: "USD",
    newBalance: 47.28,
    ...overrides,
  },
})

const outcomeUnknown = (reply: Reply) =>
  sentOnceOutcomeUnknown((client) => client.cancelEsim(ICCID), reply, cancelled(), {
    code: "CANCEL_OUTCOME_UNKNOWN",
    iccid: ICCID,
  })

describe("cancelEsim", () => {
  it("sends one signed POST /esims/cancel with the ICCID and normalises the answer", async () => {
    const { client, calls } = makeClient([json(cancelled())])

    const result = await client.cancelEsim(ICCID)

    expect(result).toEqual({
      orderReference: "order_1_abcde",
      cancelled: [ICCID, "8932042000010078802"],
      refunded: 5.44,
      currency: "USD",
      newBalance: 47.28,
    })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      url: "https://api.test/api/v1/business/esims/cancel",
      method: "POST",
      body: `{"iccid":"${ICCID}"}`,
    })
    expect(calls[0]?.headers["RT-RequestID"]).toMatch(UUID_V4)
    expect(calls[0]?.headers["RT-Signature"]).toMatch(/^[0-9A-F]{64}$/)
  })

  it("reads amounts sent as strings and tolerates missing optional fields", async () => {
    const { client } = makeClient([json({ success: true, data: { refunded: "2.72", newBalance: "100" } })])

    expect(await client.cancelEsim(ICCID)).toEqual({
      orderReference: null,
      cancelled: [],
      refunded: 2.72,
      currency: null,
      newBalance: 100,
    })
  })

  it.each([
    ["ALREADY_CANCELLED", 400, EsimflyRefusedError],
    ["ESIM_NOT_CANCELLABLE", 400, EsimflyRefusedError],
    ["ESIM_NOT_FOUND", 404, EsimflyNotFoundError],
  ])("throws %s as its family with the code, once", async (code, status, type) => {
    const { client, calls } = makeClient([json({ success: false, code, message: `eSIM ${ICCID}: ${code}` }, status)])

    const error = await client.cancelEsim(ICCID).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(type)
    expect(error).toMatchObject({ code, status, message: `eSIM ${ICCID}: ${code}` })
    expect(calls).toHaveLength(1)
  })

  it("does not retry a 429", async () => {
    const { client, calls } = makeClient([
      json({ success: false, code: "RATE_LIMIT_EXCEEDED" }, 429, { "retry-after": "1" }),
    ])

    await expect(client.cancelEsim(ICCID)).rejects.toBeInstanceOf(EsimflyRateLimitError)
    expect(calls).toHaveLength(1)
  })

  it("reports an unknown outcome, never a retry, on a timeout, a reset, a bare 502 or an unreadable 200", async () => {
    expect((await outcomeUnknown(timeoutError())).causeKind).toBe("timeout")
    expect((await outcomeUnknown(resetError())).causeKind).toBe("network")
    expect((await outcomeUnknown(raw("<html>Bad gateway</html>", 502))).causeKind).toBe("bad_gateway")
    expect((await outcomeUnknown(json({ success: true, cancelled: [] }))).causeKind).toBe("unreadable_response")
    const error = await outcomeUnknown(raw('{"success":true,"da', 200))
    expect(error.message).toBe(
      "esimfly cancel outcome unknown (unreadable_response); cancel again: esimfly answers ALREADY_CANCELLED if it went through"
    )
  })

  it("refuses an empty ICCID before any call", async () => {
    const { client, calls } = makeClient([])

    await expect(client.cancelEsim(" ")).rejects.toMatchObject({
      constructor: EsimflyInvalidRequestError,
      code: "VALIDATION_ERROR",
    })
    expect(calls).toHaveLength(0)
  })
})

describe("cancelEsim against the sandbox", () => {
  const sandbox = createSandbox({ balance: 100 })
  let client: EsimflyClient

  beforeAll(async () => {
    const { url } = await sandbox.listen(0)
    client = new EsimflyClient({ accessCode: sandbox.accessCode, secretKey: sandbox.secretKey, baseUrl: url })
  })

  afterAll(() => sandbox.close())

  it("cancels the order's eSIMs that are not installed, then answers ALREADY_CANCELLED and ESIM_NOT_CANCELLABLE", async () => {
    const order = await client.createOrder({ packageCode: "TR-1GB-7D", quantity: 3 })
    const [installed, first, second] = order.esims.map((esim) => esim.iccid)
    sandbox.setEsimState(installed, "installed")

    const result = await client.cancelEsim(second)

    expect(result).toEqual({
      orderReference: order.orderReference,
      cancelled: [first, second],
      refunded: 5.44,
      currency: "USD",
      newBalance: 97.28,
    })
    await expect(client.cancelEsim(first)).rejects.toMatchObject({
      constructor: EsimflyRefusedError,
      code: "ALREADY_CANCELLED",
    })
    await expect(client.cancelEsim(installed)).rejects.toMatchObject({
      constructor: EsimflyRefusedError,
      code: "ESIM_NOT_CANCELLABLE",
    })
    await expect(client.cancelEsim("8988000000000000000")).rejects.toBeInstanceOf(EsimflyNotFoundError)
    expect((await client.getBalance()).balance).toBe(97.28)
  })
})
