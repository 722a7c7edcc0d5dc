import {
  EsimflyApiError,
  EsimflyAuthenticationError,
  EsimflyDuplicateRequestError,
  EsimflyError,
  EsimflyInsufficientBalanceError,
  EsimflyInvalidApiKeyError,
  EsimflyInvalidPackageError,
  EsimflyInvalidSignatureError,
  EsimflyInvalidTimestampError,
  EsimflyInvalidUserError,
  EsimflyMissingPackageCodeError,
  EsimflyNotFoundError,
  EsimflyOrderProcessingError,
  EsimflyPriceMismatchError,
  EsimflyRateLimitError,
  errorFromResponse,
} from "../errors"
import { json, makeClient } from "./fake-fetch"

type ErrorClass = new (...args: never[]) => EsimflyError

const documented: [number, Record<string, unknown>, ErrorClass][] = [
  [
    400,
    { success: false, message: "Missing required field: packageCode", code: "MISSING_PACKAGE_CODE" },
    EsimflyMissingPackageCodeError,
  ],
  [
    400,
    { success: false, message: "Invalid package code.", code: "INVALID_PACKAGE" },
    EsimflyInvalidPackageError,
  ],
  [
    400,
    { success: false, message: "Invalid price submitted", code: "PRICE_MISMATCH" },
    EsimflyPriceMismatchError,
  ],
  [
    400,
    { success: false, message: "Insufficient balance", code: "INSUFFICIENT_BALANCE" },
    EsimflyInsufficientBalanceError,
  ],
  [
    401,
    { success: false, error: "Invalid HMAC signature", code: "INVALID_SIGNATURE" },
    EsimflyInvalidSignatureError,
  ],
  [
    403,
    { success: false, error: "Invalid user or not a business account", code: "INVALID_USER" },
    EsimflyInvalidUserError,
  ],
  [
    500,
    { success: false, message: "Failed to process order", code: "ORDER_PROCESSING_ERROR" },
    EsimflyOrderProcessingError,
  ],
  [
    400,
    { success: false, error: "Invalid or missing RT-RequestID header.", code: "INVALID_REQUEST_ID" },
    EsimflyDuplicateRequestError,
  ],
  [
    409,
    { success: false, error: "Duplicate request", code: "DUPLICATE_REQUEST" },
    EsimflyDuplicateRequestError,
  ],
  [
    401,
    { success: false, error: "Invalid API key", code: "INVALID_API_KEY" },
    EsimflyInvalidApiKeyError,
  ],
  [
    401,
    { success: false, error: "Request timestamp expired", code: "INVALID_TIMESTAMP" },
    EsimflyInvalidTimestampError,
  ],
  [
    429,
    { success: false, error: "Too many requests", code: "RATE_LIMIT_EXCEEDED" },
    EsimflyRateLimitError,
  ],
  [
    404,
    { success: false, error: "Order not found", code: "ORDER_NOT_FOUND" },
    EsimflyNotFoundError,
  ],
]

describe("errorFromResponse", () => {
  it.each(documented)("maps HTTP %i %j to its class", (status, body, ErrorClass) => {
    const error = errorFromResponse(status, body, "req-1", { idempotencyKey: "key-1" })

    expect(error).toBeInstanceOf(ErrorClass)
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
    expect(error.currentBalance).toBe(25.5)
    expect(error.requiredBalance).toBe(27.2)
    expect(error.needToLoad).toBe(1.7)
    expect(error.toJSON()).toMatchObject({ currentBalance: 25.5, requiredBalance: 27.2, needToLoad: 1.7 })
  })

  it("keeps status, code, request id and message of an unknown code", () => {
    const error = errorFromResponse(422, { success: false, code: "SOMETHING_NEW", message: "New rule" }, "req-9")

    expect(error).toBeInstanceOf(EsimflyApiError)
    expect(error).toMatchObject({ status: 422, code: "SOMETHING_NEW", requestId: "req-9", message: "New rule" })
  })

  it("uses HTTP_<status> when there is no code", () => {
    const error = errorFromResponse(500, { success: false, error: "Failed to fetch orders" }, "req-2")

    expect(error).toBeInstanceOf(EsimflyApiError)
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
    expect(errorFromResponse(502, undefined)).toMatchObject({ code: "HTTP_502", message: "esimfly responded with HTTP 502" })
  })

  it("does not mistake a prototype key for a code", () => {
    expect(errorFromResponse(400, { code: "constructor" })).toBeInstanceOf(EsimflyApiError)
  })

  it("serialises only safe fields", () => {
    const error = errorFromResponse(400, { code: "INVALID_PACKAGE", message: "Nope" }, "req-4")

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "EsimflyInvalidPackageError",
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
    "throws the typed class for HTTP %i %j on GET, without retrying",
    async (status, body, ErrorClass) => {
      const { client, calls } = makeClient([json(body, status)])

      const error = await client.getBalance().catch((e: unknown) => e)

      expect(error).toBeInstanceOf(ErrorClass)
      expect((error as EsimflyError).requestId).toBe(calls[0]?.headers["RT-RequestID"])
      expect(calls).toHaveLength(1)
    }
  )

  it("treats a 200 with success:false as an error answer", async () => {
    const { client } = makeClient([json({ success: false, code: "INVALID_PACKAGE", message: "gone" }, 200)])

    await expect(client.createOrder({ packageCode: "X" })).rejects.toBeInstanceOf(EsimflyInvalidPackageError)
  })
})
