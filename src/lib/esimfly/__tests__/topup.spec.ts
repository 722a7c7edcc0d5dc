import { parseEsimflyDateTime } from "../after-sale-normalize"
import {
  EsimflyInsufficientBalanceError,
  EsimflyInvalidRequestError,
  EsimflyNotFoundError,
  EsimflyOutcomeUnknownError,
  EsimflyRefusedError,
  EsimflyTransportError,
} from "../errors"
import { json, makeClient, raw, Reply, resetError, timeoutError } from "./fake-fetch"
import { sentOnceOutcomeUnknown } from "./support/sent-once"
import { expectSignedAsSent } from "./support/signed"

const ICCID = "8932042000010078801"
const BASE = "https://api.test/api/v1/business"

/** The documented top-up answer (docs: lifecycle.md, "Top-ups"). */
const toppedUp = (overrides: Record<string, unknown> = {}) => ({
  success: true,
  message: "Top-up completed",
  orderReference: "topup_1739489220_x1y2z",
  iccid: ICCID,
  packageName: "Turkey 1 GB 7 Days",
  newBalance: 44.56,
  currency: "USD",
  status: "completed",
  amount: 2.72,
  profit: 0.2,
  processing_time_ms: 812,
  esimData: { newTotalVolumeGB: 2, newRemainingVolumeGB: 1.5, expiredTime: "February 13, 2026 at 11:27 PM" },
  ...overrides,
})

const topupPackages = {
  success: true,
  data: {
    packages: [
      {
        package_code: "TR-TOPUP-1GB",
        name: "Turkey 1 GB top-up",
        data_amount_gb: 1,
        validity_days: 7,
        cost: 2.5,
        currency: "USD",
        features: { is_rechargeable: true },
        is_unlimited: false,
      },
    ],
    pagination: { page: 2, limit: 50, total: 51, total_pages: 2 },
  },
}

const order = { iccid: ICCID, packageCode: "TR-TOPUP-1GB", quantity: 2 }

const outcomeUnknown = (reply: Reply) =>
  sentOnceOutcomeUnknown((client) => client.orderTopup(order), reply, toppedUp(), {
    code: "TOPUP_OUTCOME_UNKNOWN",
    ...order,
  })

describe("listTopupPackages", () => {
  it("sends one signed GET /topup/packages with iccid, page and limit and reads the packages", async () => {
    const { client, calls } = makeClient([json(topupPackages)])

    const page = await client.listTopupPackages({ iccid: ICCID, page: 2, limit: 50 })

    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: "GET", url: `${BASE}/topup/packages?iccid=${ICCID}&page=2&limit=50` })
    expectSignedAsSent(calls[0])
    expect(page.pagination).toEqual({ page: 2, limit: 50, total: 51, totalPages: 2 })
    expect(page.packages).toEqual([
      expect.objectContaining({
        packageCode: "TR-TOPUP-1GB",
        dataAmountGb: 1,
        validityDays: 7,
        cost: 2.5,
        currency: "USD",
        isUnlimited: false,
        features: { voiceMinutes: null, smsCount: null, isRechargeable: true },
      }),
    ])
  })

  it.each([
    ["MISSING_ICCID", 400, EsimflyInvalidRequestError],
    ["ESIM_NOT_TOPPABLE", 400, EsimflyRefusedError],
    ["ESIM_ACCESS_DENIED", 403, EsimflyNotFoundError],
  ])("throws %s as its family with the code, without a retry", async (code, status, type) => {
    const { client, calls } = makeClient([json({ success: false, code, error: code }, status)])

    const error = await client.listTopupPackages({ iccid: ICCID }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(type)
    expect(error).toMatchObject({ code, status })
    expect(calls).toHaveLength(1)
  })

  it("retries a 500 without a code, as any GET, then throws a transport error", async () => {
    const fail = () => json({ success: false, error: "Internal error" }, 500)
    const { client, calls } = makeClient([fail(), fail(), fail()], { maxRetries: 2 })

    await expect(client.listTopupPackages({ iccid: ICCID })).rejects.toMatchObject({
      constructor: EsimflyTransportError,
      code: "HTTP_500",
    })
    expect(calls).toHaveLength(3)
  })

  it("refuses a missing ICCID and a limit over 100 before any call", async () => {
    const { client, calls } = makeClient([])

    await expect(client.listTopupPackages({ iccid: "" })).rejects.toMatchObject({ field: "iccid" })
    await expect(client.listTopupPackages({ iccid: ICCID, limit: 101 })).rejects.toMatchObject({ field: "limit" })
    expect(calls).toHaveLength(0)
  })
})

describe("orderTopup", () => {
  it("sends one signed POST /topup/order with iccid, packageCode and quantity and reads the answer", async () => {
    const { client, calls } = makeClient([json(toppedUp())])

    const result = await client.orderTopup(order)

    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: `${BASE}/topup/order`,
      body: `{"iccid":"${ICCID}","packageCode":"TR-TOPUP-1GB","quantity":2}`,
    })
    expectSignedAsSent(calls[0])
    expect(result).toEqual({
      orderReference: "topup_1739489220_x1y2z",
      iccid: ICCID,
      packageName: "Turkey 1 GB 7 Days",
      status: "completed",
      newBalance: 44.56,
      currency: "USD",
      amount: 2.72,
      profit: 0.2,
      processingTimeMs: 812,
      message: "Top-up completed",
      esim: {
        newTotalVolumeGb: 2,
        newRemainingVolumeGb: 1.5,
        expiredTime: "February 13, 2026 at 11:27 PM",
        expiresAt: new Date("2026-02-13T23:27:00.000Z"),
      },
    })
  })

  it("sends quantity 1 when none is given, and no idempotency key", async () => {
    const { client, calls } = makeClient([json(toppedUp())])

    await client.orderTopup({ iccid: ICCID, packageCode: "TR-TOPUP-1GB" })

    expect(calls[0]?.body).toBe(`{"iccid":"${ICCID}","packageCode":"TR-TOPUP-1GB","quantity":1}`)
  })

  it.each([
    ["MISSING_FIELDS", EsimflyInvalidRequestError],
    ["ESIM_NOT_FOUND", EsimflyNotFoundError],
    ["ESIM_NOT_TOPPABLE", EsimflyRefusedError],
    ["INVALID_TOPUP_PACKAGE", EsimflyRefusedError],
    ["TOPUP_NOT_SUPPORTED", EsimflyRefusedError],
    ["INSUFFICIENT_BALANCE", EsimflyInsufficientBalanceError],
  ])("throws a 400 %s as its family with the code, sent once", async (code, type) => {
    const message = `${code}: balance 1.00, required 2.72`
    const { client, calls } = makeClient([json({ success: false, code, error: message }, 400)])

    const error = await client.orderTopup(order).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(type)
    expect(error).toMatchObject({ code, status: 400, message })
    expect(calls).toHaveLength(1)
  })

  it("reports an unknown outcome, never a re-send, on a timeout, a reset, a code-less 500, a bare 502 or an unreadable 200", async () => {
    expect((await outcomeUnknown(timeoutError())).causeKind).toBe("timeout")
    expect((await outcomeUnknown(resetError())).causeKind).toBe("network")
    expect((await outcomeUnknown(json({ success: false, error: "Top-up failed" }, 500))).causeKind).toBe("bad_gateway")
    expect((await outcomeUnknown(raw("<html>Bad gateway</html>", 502))).causeKind).toBe("bad_gateway")
    expect((await outcomeUnknown(raw('{"success":true,"orderRef', 200))).causeKind).toBe("unreadable_response")
    expect((await outcomeUnknown(json({ success: true, status: "completed" }))).causeKind).toBe("unreadable_response")
  })

  it("carries the request id, ICCID, package code and quantity in the unknown-outcome error and its JSON", async () => {
    const { client, calls } = makeClient([timeoutError()])

    const error = await client.orderTopup(order).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(EsimflyOutcomeUnknownError)
    const requestId = calls[0]?.headers["RT-RequestID"]
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "EsimflyOutcomeUnknownError",
      code: "TOPUP_OUTCOME_UNKNOWN",
      requestId,
      iccid: ICCID,
      packageCode: "TR-TOPUP-1GB",
      quantity: 2,
      causeKind: "timeout",
      retryable: false,
    })
    expect((error as Error).message).toBe(
      "esimfly top-up outcome unknown (timeout); compare the eSIM's usage total_mb with the value before the top-up before retrying"
    )
  })

  it("refuses a blank package code and a quantity of 0 before any call", async () => {
    const { client, calls } = makeClient([])

    await expect(client.orderTopup({ iccid: ICCID, packageCode: " " })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      field: "packageCode",
    })
    await expect(client.orderTopup({ ...order, quantity: 0 })).rejects.toMatchObject({ field: "quantity" })
    expect(calls).toHaveLength(0)
  })
})

describe("parseEsimflyDateTime", () => {
  it.each([
    ["February 13, 2026 at 11:27 PM", "2026-02-13T23:27:00.000Z"],
    ["January 1, 2027 at 12:05 AM", "2027-01-01T00:05:00.000Z"],
    ["March 3, 2026 at 12:30 PM", "2026-03-03T12:30:00.000Z"],
    ["march 3, 2026 at 1:00 am", "2026-03-03T01:00:00.000Z"],
    ["2026-02-13T23:27:00Z", "2026-02-13T23:27:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseEsimflyDateTime(text)?.toISOString()).toBe(iso)
  })

  it.each([
    ["February 30, 2026 at 1:00 PM"],
    ["Smarch 3, 2026 at 1:00 PM"],
    ["February 13, 2026 at 13:27 PM"],
    ["February 13, 2026 at 11:60 PM"],
    ["13/02/2026 23:27"],
    [""],
  ])("reads %p as null", (text) => {
    expect(parseEsimflyDateTime(text)).toBeNull()
  })
})
