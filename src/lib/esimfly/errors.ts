import { z } from "zod"

import { sanitize } from "./redact"

/** Safe fields every esimfly error carries; none of them is ever a secret or a signature. */
export type EsimflyErrorInit = {
  message: string
  code?: string
  status?: number
  requestId?: string
  idempotencyKey?: string
  retryable?: boolean
}

/** Base class of every error the esimfly client throws. */
export class EsimflyError extends Error {
  readonly status?: number
  readonly code: string
  readonly requestId?: string
  readonly idempotencyKey?: string
  readonly retryable: boolean

  constructor(
    init: EsimflyErrorInit,
    defaultCode = "ESIMFLY_ERROR",
    defaultRetryable = false
  ) {
    super(init.message)
    this.name = new.target.name
    this.code = init.code ?? defaultCode
    this.status = init.status
    this.requestId = init.requestId
    this.idempotencyKey = init.idempotencyKey
    this.retryable = init.retryable ?? defaultRetryable
  }

  /** Only safe, public fields: what may be logged or stored. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      status: this.status,
      requestId: this.requestId,
      idempotencyKey: this.idempotencyKey,
      retryable: this.retryable,
      ...this.publicFields(),
    }
  }

  protected publicFields(): Record<string, unknown> {
    return {}
  }
}

/** The request lacked a packageCode (docs: create-order.md, 400 MISSING_PACKAGE_CODE). */
export class EsimflyMissingPackageCodeError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "MISSING_PACKAGE_CODE")
  }
}

/** The package code is not in esimfly's catalogue (docs: create-order.md, 400 INVALID_PACKAGE). */
export class EsimflyInvalidPackageError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "INVALID_PACKAGE")
  }
}

/** A submitted price did not match the live price (docs: create-order.md, 400 PRICE_MISMATCH). */
export class EsimflyPriceMismatchError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "PRICE_MISMATCH")
  }
}

/** Amounts esimfly reports with INSUFFICIENT_BALANCE. */
export type InsufficientBalanceInit = EsimflyErrorInit & {
  currentBalance: number | null
  requiredBalance: number | null
  needToLoad: number | null
}

/** The business balance cannot pay for the order (docs: create-order.md, 400 INSUFFICIENT_BALANCE). */
export class EsimflyInsufficientBalanceError extends EsimflyError {
  readonly currentBalance: number | null
  readonly requiredBalance: number | null
  readonly needToLoad: number | null

  constructor(init: InsufficientBalanceInit) {
    super(init, "INSUFFICIENT_BALANCE")
    this.currentBalance = init.currentBalance
    this.requiredBalance = init.requiredBalance
    this.needToLoad = init.needToLoad
  }

  protected override publicFields(): Record<string, unknown> {
    const { currentBalance, requiredBalance, needToLoad } = this
    return { currentBalance, requiredBalance, needToLoad }
  }
}

/** Authentication failed: 401 without a code, and the base of every credential error. */
export class EsimflyAuthenticationError extends EsimflyError {
  constructor(init: EsimflyErrorInit, defaultCode = "AUTHENTICATION_REQUIRED") {
    super(init, defaultCode)
  }
}

/** The HMAC signature was rejected (docs: create-order.md, 401 INVALID_SIGNATURE). */
export class EsimflyInvalidSignatureError extends EsimflyAuthenticationError {
  constructor(init: EsimflyErrorInit) {
    super(init, "INVALID_SIGNATURE")
  }
}

/** The access code is unknown (docs: orders.md, 401 INVALID_API_KEY). */
export class EsimflyInvalidApiKeyError extends EsimflyAuthenticationError {
  constructor(init: EsimflyErrorInit) {
    super(init, "INVALID_API_KEY")
  }
}

/** RT-Timestamp is more than 5 minutes off (docs: beyond-the-reference.md, 401 INVALID_TIMESTAMP). */
export class EsimflyInvalidTimestampError extends EsimflyAuthenticationError {
  constructor(init: EsimflyErrorInit) {
    super(init, "INVALID_TIMESTAMP")
  }
}

/** The key does not belong to a business account (docs: create-order.md, 403 INVALID_USER). */
export class EsimflyInvalidUserError extends EsimflyAuthenticationError {
  constructor(init: EsimflyErrorInit) {
    super(init, "INVALID_USER")
  }
}

/** esimfly failed the order; no balance was taken (docs: create-order.md, 500 ORDER_PROCESSING_ERROR). */
export class EsimflyOrderProcessingError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "ORDER_PROCESSING_ERROR", true)
  }
}

/** A request id or idempotency key was reused: INVALID_REQUEST_ID (orders.md) or DUPLICATE_REQUEST (newer docs). */
export class EsimflyDuplicateRequestError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "DUPLICATE_REQUEST")
  }
}

/** Rate limit hit (docs: beyond-the-reference.md, 429 RATE_LIMIT_EXCEEDED). */
export class EsimflyRateLimitError extends EsimflyError {
  /** How long the server asked us to wait, when it said so. */
  readonly retryAfterMs: number | null

  constructor(init: EsimflyErrorInit & { retryAfterMs: number | null }) {
    super(init, "RATE_LIMIT_EXCEEDED", true)
    this.retryAfterMs = init.retryAfterMs
  }

  protected override publicFields(): Record<string, unknown> {
    return { retryAfterMs: this.retryAfterMs }
  }
}

/**
 * The client's own pacer would have to wait longer than `rateLimitMaxWaitMs` for a request
 * slot, so nothing was sent: safe to try again after `retryAfterMs`.
 */
export class EsimflyRateLimitWaitError extends EsimflyRateLimitError {
  constructor(init: Omit<EsimflyErrorInit, "code" | "status"> & { retryAfterMs: number | null }) {
    super({ ...init, code: "RATE_LIMIT_WAIT_TOO_LONG" })
  }
}

/** The order (or resource) does not exist: 404 or ORDER_NOT_FOUND. */
export class EsimflyNotFoundError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "NOT_FOUND")
  }
}

/** The eSIM, or its esimfly order, was cancelled before (docs: beyond-the-reference.md, ALREADY_CANCELLED). */
export class EsimflyAlreadyCancelledError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "ALREADY_CANCELLED")
  }
}

/** The eSIM is installed or in use, so esimfly will not cancel it (ESIM_NOT_CANCELLABLE, assumed code). */
export class EsimflyNotCancellableError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "ESIM_NOT_CANCELLABLE")
  }
}

/** Any other error answer; keeps esimfly's code (or HTTP_<status>) and message. */
export class EsimflyApiError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "ESIMFLY_API_ERROR")
  }
}

/** A GET timed out on every allowed attempt. */
export class EsimflyTimeoutError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "TIMEOUT", true)
  }
}

/** A GET failed below HTTP (DNS, reset, body read) on every allowed attempt. */
export class EsimflyNetworkError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "NETWORK_ERROR", true)
  }
}

/** esimfly answered with a body that is not JSON or does not match the documented shape. */
export class EsimflyUnexpectedResponseError extends EsimflyError {
  /** Which part of the body failed validation. */
  readonly detail: string

  constructor(init: EsimflyErrorInit & { detail: string }) {
    super(init, "UNEXPECTED_RESPONSE")
    this.detail = init.detail
  }

  protected override publicFields(): Record<string, unknown> {
    return { detail: this.detail }
  }
}

/** Caller input was rejected before any request was sent. */
export class EsimflyValidationError extends EsimflyError {
  readonly field: string

  constructor(init: EsimflyErrorInit & { field: string }) {
    super(init, "VALIDATION_ERROR")
    this.field = init.field
  }

  protected override publicFields(): Record<string, unknown> {
    return { field: this.field }
  }
}

/** Plugin options are invalid; the message names the option, never its value. */
export class EsimflyOptionsError extends EsimflyError {
  readonly option: string | null

  constructor(init: EsimflyErrorInit & { option: string | null }) {
    super(init, "INVALID_OPTIONS")
    this.option = init.option
  }

  protected override publicFields(): Record<string, unknown> {
    return { option: this.option }
  }
}

/** What was being cancelled when the outcome became unknown. */
export type CancelOutcomeUnknownInit = {
  requestId: string
  iccid: string
  causeKind: OrderOutcomeCause
  status?: number
}

/** cancel may or may not have happened; calling it again is safe (a done cancel answers ALREADY_CANCELLED). */
export class EsimflyCancelOutcomeUnknownError extends EsimflyError {
  readonly iccid: string
  readonly causeKind: OrderOutcomeCause

  constructor(init: CancelOutcomeUnknownInit) {
    const message =
      `esimfly cancel outcome unknown (${init.causeKind}); ` +
      "cancel again: esimfly answers ALREADY_CANCELLED if it went through"
    super({ ...init, message, retryable: false }, "CANCEL_OUTCOME_UNKNOWN")
    this.iccid = init.iccid
    this.causeKind = init.causeKind
  }

  protected override publicFields(): Record<string, unknown> {
    return { iccid: this.iccid, causeKind: this.causeKind }
  }
}

/** Why a create-order outcome is unknown. */
export type OrderOutcomeCause =
  | "timeout"
  | "network"
  | "bad_gateway"
  | "unreadable_response"

/** What was being bought when the outcome became unknown. */
export type OrderOutcomeUnknownInit = {
  requestId: string
  idempotencyKey?: string
  packageCode: string
  quantity: number
  causeKind: OrderOutcomeCause
  status?: number
}

/** create-order may or may not have happened; look the order up before buying again. */
export class EsimflyOrderOutcomeUnknownError extends EsimflyError {
  readonly packageCode: string
  readonly quantity: number
  readonly causeKind: OrderOutcomeCause

  constructor(init: OrderOutcomeUnknownInit) {
    const message =
      `esimfly create-order outcome unknown (${init.causeKind}); ` +
      "look the order up before retrying"
    super({ ...init, message, retryable: false }, "ORDER_OUTCOME_UNKNOWN")
    this.packageCode = init.packageCode
    this.quantity = init.quantity
    this.causeKind = init.causeKind
  }

  protected override publicFields(): Record<string, unknown> {
    const { packageCode, quantity, causeKind } = this
    return { packageCode, quantity, causeKind }
  }
}

const NUMERIC = /^-?\d+(\.\d+)?$/
const textField = z.string().optional().catch(undefined)
const amountField = z
  .union([z.number(), z.string().regex(NUMERIC).transform(Number)])
  .optional()
  .catch(undefined)

const errorBodySchema = z.object({
  code: textField,
  message: textField,
  error: textField,
  currentBalance: amountField,
  requiredBalance: amountField,
  needToLoad: amountField,
})

type ErrorBody = z.output<typeof errorBodySchema>

/** Request facts an error is built with, beside the response itself. */
export type ErrorContext = {
  idempotencyKey?: string
  /** Server-requested wait, for RATE_LIMIT_EXCEEDED. */
  retryAfterMs?: number | null
  /** Strings that must never reach a message (secret key, current signature). */
  secrets?: readonly string[]
}

type ErrorFactory = (
  init: EsimflyErrorInit,
  body: ErrorBody,
  context: ErrorContext
) => EsimflyError

const ERRORS_BY_CODE = new Map<string, ErrorFactory>(
  Object.entries({
    MISSING_PACKAGE_CODE: (init) => new EsimflyMissingPackageCodeError(init),
    INVALID_PACKAGE: (init) => new EsimflyInvalidPackageError(init),
    PRICE_MISMATCH: (init) => new EsimflyPriceMismatchError(init),
    INSUFFICIENT_BALANCE: (init, body) =>
      new EsimflyInsufficientBalanceError({
        ...init,
        currentBalance: body.currentBalance ?? null,
        requiredBalance: body.requiredBalance ?? null,
        needToLoad: body.needToLoad ?? null,
      }),
    INVALID_SIGNATURE: (init) => new EsimflyInvalidSignatureError(init),
    INVALID_USER: (init) => new EsimflyInvalidUserError(init),
    ORDER_PROCESSING_ERROR: (init) => new EsimflyOrderProcessingError(init),
    INVALID_REQUEST_ID: (init) => new EsimflyDuplicateRequestError(init),
    DUPLICATE_REQUEST: (init) => new EsimflyDuplicateRequestError(init),
    INVALID_API_KEY: (init) => new EsimflyInvalidApiKeyError(init),
    INVALID_TIMESTAMP: (init) => new EsimflyInvalidTimestampError(init),
    RATE_LIMIT_EXCEEDED: (init, _body, context) =>
      new EsimflyRateLimitError({
        ...init,
        retryAfterMs: context.retryAfterMs ?? null,
      }),
    ORDER_NOT_FOUND: (init) => new EsimflyNotFoundError(init),
    ESIM_NOT_FOUND: (init) => new EsimflyNotFoundError(init),
    ALREADY_CANCELLED: (init) => new EsimflyAlreadyCancelledError(init),
    ESIM_NOT_CANCELLABLE: (init) => new EsimflyNotCancellableError(init),
  } satisfies Record<string, ErrorFactory>)
)

function errorFromStatus(
  status: number,
  init: EsimflyErrorInit,
  context: ErrorContext
): EsimflyError {
  if (status === 401) {
    return new EsimflyAuthenticationError(init)
  }
  if (status === 404) {
    return new EsimflyNotFoundError(init)
  }
  if (status === 429) {
    const retryAfterMs = context.retryAfterMs ?? null
    return new EsimflyRateLimitError({ ...init, retryAfterMs })
  }
  return new EsimflyApiError({
    ...init,
    code: init.code ?? `HTTP_${status}`,
    retryable: status >= 500,
  })
}

function messageOf(body: ErrorBody, status: number): string {
  const parts = [body.error, body.message].filter(
    (part): part is string => !!part?.trim()
  )
  const unique = parts.filter((part, index) => parts.indexOf(part) === index)
  return unique.length ? unique.join(": ") : `esimfly responded with HTTP ${status}`
}

/** Maps an error answer to its typed class: by esimfly `code`, else by HTTP status. */
export function errorFromResponse(
  status: number,
  body: unknown,
  requestId?: string,
  context: ErrorContext = {}
): EsimflyError {
  const parsed = errorBodySchema.safeParse(body)
  const fields: ErrorBody = parsed.success ? parsed.data : {}
  const secrets = context.secrets ?? []
  const init: EsimflyErrorInit = {
    message: sanitize(messageOf(fields, status), secrets),
    code: fields.code === undefined ? undefined : sanitize(fields.code, secrets),
    status,
    requestId,
    idempotencyKey: context.idempotencyKey,
  }
  const factory = fields.code ? ERRORS_BY_CODE.get(fields.code) : undefined
  return factory ? factory(init, fields, context) : errorFromStatus(status, init, context)
}
