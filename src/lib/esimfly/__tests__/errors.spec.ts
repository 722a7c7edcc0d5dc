import {
  EsimflyAuthenticationError,
  EsimflyError,
  EsimflyInsufficientBalanceError,
  EsimflyInvalidRequestError,
  EsimflyNotFoundError,
  EsimflyOutcomeUnknownError,
  EsimflyRateLimitError,
  EsimflyRefusedError,
  EsimflyTransportError,
  errorFromResponse,
  isReusedRequest,
} from "../errors"
import { json, makeClient } from "./fake-fetch"

type ErrorFamily = new (...args: never[]) => EsimflyError

const documented: [number, Record<string, unknown>, ErrorFamily][] = [
  [
    400,
    { success: false, message: "Missing required field: packageCode", code: "MISSING_PACKAGE_CODE" },
    EsimflyInvalidRequestError,
  ],
  [400, { success: false, message: "Invalid package code.", code: "INVALID_PACKAGE" }, EsimflyRefusedError],
  [400, { success: false, message: "Invalid price submitted", code: "PRICE_MISMATCH" }, EsimflyRefusedError],
  [
    400,
    { success: false, message: "Insufficient balance", code: "INSUFFICIENT_BALANCE" },
    EsimflyInsufficientBalanceError,
  ],
  [401, { success: false, error: "Invalid HMAC signature", code: "INVALID_SIGNATURE" }, EsimflyAuthenticationError],
  [
    403,
    { success: false, error: "Invalid user or not a business account", code: "INVALID_USER" },
    EsimflyAuthenticationError,
  ],
  [500, { success: false, message: "Failed to process order", code: "ORDER_PROCESSING_ERROR" }, EsimflyRefusedError],
  [
    400,
    { success: false, error: "Invalid or missing RT-RequestID header.", code: "INVALID_REQUEST_ID" },
    EsimflyInvalidRequestError,
  ],
  [409, { success: false, error: "Duplicate request", code: "DUPLICATE_REQUEST" }, EsimflyInvalidRequestError],
  [401, { success: false, error: "Invalid API key", code: "INVALID_API_KEY" }, EsimflyAuthenticationError],
  [401, { success: false, error: "Request timestamp expired", code: "INVALID_TIMESTAMP" }, EsimflyAuthenticationError],
  [429, { success: false, error: "Too many requests", code: "RATE_LIMIT_EXCEEDED" }, EsimflyRateLimitError],
  [404, { success: false, error: "Order not found", code: "ORDER_NOT_FOUND" }, EsimflyNotFoundError],
  [404, { success: false, error: "eSIM not found", code: "ESIM_NOT_FOUND" }, EsimflyNotFoundError],
  [400, { success: false, error: "eSIM already cancelled", code: "ALREADY_CANCELLED" }, EsimflyRefusedError],
  [400, { success: false, error: "eSIM is installed", code: "ESIM_NOT_CANCELLABLE" }, EsimflyRefusedError],
  // after-sale codes (docs: lifecycle.md, "Top-ups" and "Usage and status")
  [400, { success: false, error: "iccid is required", code: "MISSING_ICCID" }, EsimflyInvalidRequestError],
  [400, { success: false, error: "eSIM cannot be topped up", code: "ESIM_NOT_TOPPABLE" }, EsimflyRefusedError],
  [403, { success: false, error: "Access denied", code: "ESIM_ACCESS_DENIED" }, EsimflyNotFoundError],
  [400, { success: false, error: "Invalid top-up package", code: "INVALID_TOPUP_PACKAGE" }, EsimflyRefusedError],
  [400, { success: false, error: "Top-up not supported", code: "TOPUP_NOT_SUPPORTED" }, EsimflyRefusedError],
  [400, { success: false, error: "Missing required fields", code: "MISSING_FIELDS" }, EsimflyInvalidRequestError],
  [400, { success: false, error: "iccid or esimId required", code: "MISSING_IDENTIFIER" }, EsimflyInvalidRequestError],
  [403, { success: false, error: "Forbidden", code: "FORBIDDEN" }, EsimflyNotFoundError],
  [502, { success: false, error: "Provider error", code: "PROVIDER_ERROR" }, EsimflyTransportError],
]

describe("errorFromResponse", () => {
  it.each(documented)("maps HTTP %i %j to its family and keeps the code", (status, body, ErrorFamily) => {
    const error = errorFromResponse(status, body, "req-1", { idempotencyKey: "key-1" })

    expect(error.constructor).toBe(ErrorFamily)
    expect(error).toBeInstanceOf(EsimflyError)
    expect(error.code).toBe(body.code)
    expect(error.status).toBe(status)
    expect(error.requestId).toBe("req-1")
    expect(error.idempotencyKey).toBe("key-1")
    expect(error.message).toBe(body.message ?? body.error)
  })

  it("carries the three INSUFFICIENT_BALANCE amounts as numbers", () => {
    const body = {
      success: false,
      message: "Insufficient balance",
      code: "INSUFFICIENT_BALANCE",
      currentBalance: 25.5,
      requiredBalance: "27.20",
      needToLoad: 1.7,
    }

    const error = errorFromResponse(400, body, "req-1") as EsimflyInsufficientBalanceError

    expect(error).toBeInstanceOf(EsimflyInsufficientBalanceError)
    expect(error).toBeInstanceOf(EsimflyRefusedError)
    expect(error.currentBalance).toBe(25.5)
    expect(error.requiredBalance).toBe(27.2)
    expect(error.needToLoad).toBe(1.7)
    expect(error.toJSON()).toMatchObject({ currentBalance: 25.5, requiredBalance: 27.2, needToLoad: 1.7 })
  })

  it("keeps status, code, request id and message of an unknown code, as an invalid request below 500", () => {
    const error = errorFromResponse(422, { success: false, code: "SOMETHING_NEW", message: "New rule" }, "req-9")

    expect(error.constructor).toBe(EsimflyInvalidRequestError)
    expect(error).toMatchObject({ status: 422, code: "SOMETHING_NEW", requestId: "req-9", message: "New rule" })
  })

  it("uses HTTP_<status> when there is no code, as a retryable transport error from 500 on", () => {
    const error = errorFromResponse(500, { success: false, error: "Failed to fetch orders" }, "req-2")

    expect(error.constructor).toBe(EsimflyTransportError)
    expect(error).toMatchObject({ code: "HTTP_500", message: "Failed to fetch orders", retryable: true })
  })

  it("maps a 401 without a code to EsimflyAuthenticationError and keeps both texts", () => {
    const body = {
      success: false,
      error: "Authentication required",
      message: "Please provide either Bearer token or complete HMAC signature authentication",
    }

    const error = errorFromResponse(401, body, "req-3")

    expect(error.constructor).toBe(EsimflyAuthenticationError)
    expect(error.message).toBe(
      "Authentication required: Please provide either Bearer token or complete HMAC signature authentication"
    )
  })

  it("treats every credential error as an authentication error", () => {
    expect(errorFromResponse(401, { code: "INVALID_SIGNATURE" })).toBeInstanceOf(EsimflyAuthenticationError)
    expect(errorFromResponse(403, { code: "INVALID_USER" })).toBeInstanceOf(EsimflyAuthenticationError)
  })

  it("falls back on the status for a body that is not esimfly's", () => {
    expect(errorFromResponse(404, undefined)).toBeInstanceOf(EsimflyNotFoundError)
    expect(errorFromResponse(429, "<html>")).toBeInstanceOf(EsimflyRateLimitError)
    expect(errorFromResponse(502, undefined)).toMatchObject({
      code: "HTTP_502",
      message: "esimfly responded with HTTP 502",
    })
  })

  it("does not mistake a prototype key for a code", () => {
    const error = errorFromResponse(400, { code: "constructor" })

    expect(error.constructor).toBe(EsimflyInvalidRequestError)
    expect(error).toMatchObject({ code: "constructor", retryable: false })
  })

  it("maps an unknown code by its HTTP status: 401 authentication, 404 not found, 429 rate limited", () => {
    expect(errorFromResponse(401, { code: "NEW_AUTH" })).toMatchObject({
      constructor: EsimflyAuthenticationError,
      code: "NEW_AUTH",
    })
    expect(errorFromResponse(404, { code: "NEW_GONE" })).toMatchObject({
      constructor: EsimflyNotFoundError,
      code: "NEW_GONE",
    })
    expect(errorFromResponse(429, { code: "NEW_SLOW" })).toMatchObject({
      constructor: EsimflyRateLimitError,
      code: "NEW_SLOW",
    })
  })

  it("gives each family its default code when the answer has none", () => {
    expect(errorFromResponse(401, undefined).code).toBe("AUTHENTICATION_REQUIRED")
    expect(errorFromResponse(404, undefined).code).toBe("NOT_FOUND")
    expect(errorFromResponse(429, undefined)).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", retryable: true })
    expect(errorFromResponse(403, undefined)).toMatchObject({
      constructor: EsimflyInvalidRequestError,
      code: "HTTP_403",
    })
  })

  it("marks only ORDER_PROCESSING_ERROR as a retryable refusal", () => {
    expect(errorFromResponse(500, { code: "ORDER_PROCESSING_ERROR" }).retryable).toBe(true)
    expect(errorFromResponse(400, { code: "INVALID_PACKAGE" }).retryable).toBe(false)
    expect(errorFromResponse(400, { code: "INSUFFICIENT_BALANCE" }).retryable).toBe(false)
  })

  it("recognises INVALID_REQUEST_ID and DUPLICATE_REQUEST, and nothing else, as a reused request", () => {
    expect(isReusedRequest(errorFromResponse(400, { code: "INVALID_REQUEST_ID" }))).toBe(true)
    expect(isReusedRequest(errorFromResponse(409, { code: "DUPLICATE_REQUEST" }))).toBe(true)
    expect(isReusedRequest(errorFromResponse(400, { code: "MISSING_PACKAGE_CODE" }))).toBe(false)
    expect(isReusedRequest(new Error("DUPLICATE_REQUEST"))).toBe(false)
  })

  it("serialises only safe fields", () => {
    const error = errorFromResponse(400, { code: "INVALID_PACKAGE", message: "Nope" }, "req-4")

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "EsimflyRefusedError",
      message: "Nope",
      code: "INVALID_PACKAGE",
      status: 400,
      requestId: "req-4",
      retryable: false,
    })
  })
})

describe("error answers through the client", () => {
  it.each(documented.filter(([status]) => status < 500 && status !== 429))(
    "throws the family for HTTP %i %j on GET, without retrying",
    async (status, body, ErrorFamily) => {
      const { client, calls } = makeClient([json(body, status)])

      const error = await client.getBalance().catch((e: unknown) => e)

      expect(error).toBeInstanceOf(ErrorFamily)
      expect((error as EsimflyError).code).toBe(body.code)
      expect((error as EsimflyError).requestId).toBe(calls[0]?.headers["RT-RequestID"])
      expect(calls).toHaveLength(1)
    }
  )

  it("treats a 200 with success:false as an error answer", async () => {
    const { client } = makeClient([json({ success: false, code: "INVALID_PACKAGE", message: "gone" }, 200)])

    await expect(client.createOrder({ packageCode: "X" })).rejects.toMatchObject({
      constructor: EsimflyRefusedError,
      code: "INVALID_PACKAGE",
    })
  })
})

describe("outcome-unknown errors", () => {
  const serialised = (error: Error) => JSON.parse(JSON.stringify(error))

  it("serialises a lost create-order with what was bought and why, and no iccid", () => {
    const lost = { requestId: "r-1", idempotencyKey: "line_1", packageCode: "TR_1GB", quantity: 2 }
    const error = EsimflyOutcomeUnknownError.order({ ...lost, causeKind: "timeout" })

    expect(serialised(error)).toEqual({
      name: "EsimflyOutcomeUnknownError",
      message: "esimfly create-order outcome unknown (timeout); look the order up before retrying",
      code: "ORDER_OUTCOME_UNKNOWN",
      retryable: false,
      causeKind: "timeout",
      ...lost,
    })
  })

  it("serialises a lost cancel with the iccid and why, and no package", () => {
    const lost = { requestId: "r-2", iccid: "8988", status: 502 }
    const error = EsimflyOutcomeUnknownError.cancel({ ...lost, causeKind: "network" })

    expect(serialised(error)).toEqual({
      name: "EsimflyOutcomeUnknownError",
      message:
        "esimfly cancel outcome unknown (network); cancel again: esimfly answers ALREADY_CANCELLED if it went through",
      code: "CANCEL_OUTCOME_UNKNOWN",
      retryable: false,
      causeKind: "network",
      ...lost,
    })
  })
})
