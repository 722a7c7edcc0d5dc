import { z } from "zod"

import { sanitize } from "./redact"

/*
 * Typed errors: one class per family; esimfly's own code always stays in `code`.
 * - EsimflyAuthenticationError: the credentials were refused (401, 403 INVALID_USER, INVALID_SIGNATURE, INVALID_API_KEY, INVALID_TIMESTAMP).
 * - EsimflyInvalidRequestError: the request itself was wrong (MISSING_PACKAGE_CODE, a reused request id or key, input rejected before sending, any other 4xx).
 * - EsimflyRefusedError: esimfly understood and refused the purchase, top-up or cancel (balance, package, price, processing, already cancelled, not cancellable, not toppable).
 * - EsimflyRateLimitError: the rate limit is used up, at esimfly (429) or in the client's own pacer; carries `retryAfterMs`.
 * - EsimflyOutcomeUnknownError: a create-order, cancel, top-up or webhook change may or may not have happened; carries what was asked and why the answer was lost.
 * - EsimflyTransportError: no usable answer (timeout, network failure, unreadable body, PROVIDER_ERROR, any other 5xx).
 * - EsimflyNotFoundError: the order or eSIM does not exist or is not ours (404, ORDER_NOT_FOUND, ESIM_NOT_FOUND, ESIM_ACCESS_DENIED, FORBIDDEN).
 * EsimflyInsufficientBalanceError is the one refusal with its own type, because it carries the amounts;
 * EsimflyOptionsError is about the plugin's options, not an esimfly answer.
 */

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

  constructor(init: EsimflyErrorInit, defaultCode = "ESIMFLY_ERROR", defaultRetryable = false) {
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

/** Authentication failed (401 AUTHENTICATION_REQUIRED when esimfly gives no code; docs: create-order.md). */
export class EsimflyAuthenticationError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "AUTHENTICATION_REQUIRED")
  }
}

/** The request was malformed or reused; `field` names the input the client rejected before sending. */
export class EsimflyInvalidRequestError extends EsimflyError {
  readonly field?: string

  constructor(init: EsimflyErrorInit & { field?: string }) {
    super(init)
    this.field = init.field
  }

  protected override publicFields(): Record<string, unknown> {
    return { field: this.field }
  }
}

/** esimfly refused the purchase or the cancel; nothing was bought or cancelled (docs: create-order.md). */
export class EsimflyRefusedError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init)
  }
}

/** Amounts esimfly reports with INSUFFICIENT_BALANCE. */
export type InsufficientBalanceInit = EsimflyErrorInit & {
  currentBalance: number | null
  requiredBalance: number | null
  needToLoad: number | null
}

/** The business balance cannot pay for the order (docs: create-order.md, 400 INSUFFICIENT_BALANCE). */
export class EsimflyInsufficientBalanceError extends EsimflyRefusedError {
  readonly currentBalance: number | null
  readonly requiredBalance: number | null
  readonly needToLoad: number | null

  constructor(init: InsufficientBalanceInit) {
    super({ code: "INSUFFICIENT_BALANCE", ...init })
    this.currentBalance = init.currentBalance
    this.requiredBalance = init.requiredBalance
    this.needToLoad = init.needToLoad
  }

  protected override publicFields(): Record<string, unknown> {
    const { currentBalance, requiredBalance, needToLoad } = this
    return { currentBalance, requiredBalance, needToLoad }
  }
}

/**
 * Rate limit used up: esimfly's 429 RATE_LIMIT_EXCEEDED (docs: beyond-the-reference.md), or
 * RATE_LIMIT_WAIT_TOO_LONG when the client's own pacer would wait past `rateLimitMaxWaitMs`
 * and sent nothing. Safe to try again after `retryAfterMs`.
 */
export class EsimflyRateLimitError extends EsimflyError {
  /** How long the server (or the pacer) asked us to wait, when it said so. */
  readonly retryAfterMs: number | null

  constructor(init: EsimflyErrorInit & { retryAfterMs: number | null }) {
    super(init, "RATE_LIMIT_EXCEEDED", true)
    this.retryAfterMs = init.retryAfterMs
  }

  protected override publicFields(): Record<string, unknown> {
    return { retryAfterMs: this.retryAfterMs }
  }
}

/** Why the outcome of a call that is never re-sent is unknown. */
export type OrderOutcomeCause = "timeout" | "network" | "bad_gateway" | "unreadable_response"

type OutcomeUnknownBase = {
  requestId: string
  causeKind: OrderOutcomeCause
  status?: number
}

/** What was being bought when the outcome became unknown. */
export type OrderOutcomeUnknownInit = OutcomeUnknownBase & {
  idempotencyKey?: string
  packageCode: string
  quantity: number
}

/** What was being cancelled when the outcome became unknown. */
export type CancelOutcomeUnknownInit = OutcomeUnknownBase & { iccid: string }

/** What was being topped up when the outcome became unknown. */
export type TopupOutcomeUnknownInit = OutcomeUnknownBase & { iccid: string; packageCode: string; quantity: number }

type OutcomeUnknownInit = OutcomeUnknownBase & {
  message: string
  code: string
  idempotencyKey?: string
  packageCode?: string
  quantity?: number
  iccid?: string
}

/** A create-order, cancel, top-up or webhook change was sent but its answer was lost: it may or may not have happened. */
export class EsimflyOutcomeUnknownError extends EsimflyError {
  readonly packageCode?: string
  readonly quantity?: number
  readonly iccid?: string
  readonly causeKind: OrderOutcomeCause

  /** ORDER_OUTCOME_UNKNOWN: look the order up before buying again. */
  static order(init: OrderOutcomeUnknownInit): EsimflyOutcomeUnknownError {
    const message = `esimfly create-order outcome unknown (${init.causeKind}); ` + "look the order up before retrying"
    return new EsimflyOutcomeUnknownError({ ...init, message, code: "ORDER_OUTCOME_UNKNOWN" })
  }

  /** CANCEL_OUTCOME_UNKNOWN: calling cancel again is safe (a done cancel answers ALREADY_CANCELLED). */
  static cancel(init: CancelOutcomeUnknownInit): EsimflyOutcomeUnknownError {
    const message =
      `esimfly cancel outcome unknown (${init.causeKind}); ` +
      "cancel again: esimfly answers ALREADY_CANCELLED if it went through"
    return new EsimflyOutcomeUnknownError({ ...init, message, code: "CANCEL_OUTCOME_UNKNOWN" })
  }

  /**
   * TOPUP_OUTCOME_UNKNOWN: a top-up has no idempotency key, so never re-send it; it happened if
   * `total_mb` of the usage query grew past the value read before (docs: lifecycle.md, "Top-ups").
   */
  static topup(init: TopupOutcomeUnknownInit): EsimflyOutcomeUnknownError {
    const message =
      `esimfly top-up outcome unknown (${init.causeKind}); ` +
      "compare the eSIM's usage total_mb with the value before the top-up before retrying"
    return new EsimflyOutcomeUnknownError({ ...init, message, code: "TOPUP_OUTCOME_UNKNOWN" })
  }

  /** WEBHOOK_OUTCOME_UNKNOWN: the secret may have rotated unseen; set the webhook again to get a new one. */
  static webhook(init: OutcomeUnknownBase): EsimflyOutcomeUnknownError {
    const message =
      `esimfly set-webhook outcome unknown (${init.causeKind}); ` +
      "set it again: each call rotates the secret and only its answer shows the new one"
    return new EsimflyOutcomeUnknownError({ ...init, message, code: "WEBHOOK_OUTCOME_UNKNOWN" })
  }

  constructor(init: OutcomeUnknownInit) {
    super({ ...init, retryable: false })
    this.packageCode = init.packageCode
    this.quantity = init.quantity
    this.iccid = init.iccid
    this.causeKind = init.causeKind
  }

  protected override publicFields(): Record<string, unknown> {
    const { packageCode, quantity, iccid, causeKind } = this
    return { packageCode, quantity, iccid, causeKind }
  }
}

/**
 * No usable answer: TIMEOUT or NETWORK_ERROR on every allowed GET attempt, UNEXPECTED_RESPONSE
 * (a body that is not JSON or not the documented shape, with `detail`), or HTTP_<status> for a 5xx.
 */
export class EsimflyTransportError extends EsimflyError {
  /** Which part of an unexpected body failed validation. */
  readonly detail?: string

  /** UNEXPECTED_RESPONSE: `where` is "esimfly <METHOD> <path>". */
  static unexpectedResponse(
    where: string,
    detail: string,
    init: Omit<EsimflyErrorInit, "message" | "code" | "retryable">
  ): EsimflyTransportError {
    const message = `${where} returned an unexpected response: ${detail}`
    const code = "UNEXPECTED_RESPONSE"
    return new EsimflyTransportError({ ...init, message, detail, code, retryable: false })
  }

  constructor(init: EsimflyErrorInit & { detail?: string }) {
    super(init, "TRANSPORT_ERROR", true)
    this.detail = init.detail
  }

  protected override publicFields(): Record<string, unknown> {
    return { detail: this.detail }
  }
}

/** The order or eSIM does not exist or is not ours: 404, ORDER_NOT_FOUND, ESIM_NOT_FOUND, ESIM_ACCESS_DENIED or FORBIDDEN. */
export class EsimflyNotFoundError extends EsimflyError {
  constructor(init: EsimflyErrorInit) {
    super(init, "NOT_FOUND")
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

type ErrorFactory = (init: EsimflyErrorInit, body: ErrorBody, context: ErrorContext) => EsimflyError

const authentication: ErrorFactory = (init) => new EsimflyAuthenticationError(init)
const invalidRequest: ErrorFactory = (init) => new EsimflyInvalidRequestError(init)
const refused: ErrorFactory = (init) => new EsimflyRefusedError(init)
const notFound: ErrorFactory = (init) => new EsimflyNotFoundError(init)
const rateLimited: ErrorFactory = (init, _body, context) =>
  new EsimflyRateLimitError({ ...init, retryAfterMs: context.retryAfterMs ?? null })

/** A request id or idempotency key was reused: INVALID_REQUEST_ID (orders.md) or DUPLICATE_REQUEST (newer docs). */
const REUSED_REQUEST_CODES: readonly string[] = ["INVALID_REQUEST_ID", "DUPLICATE_REQUEST"]

/**
 * esimfly's code, else the HTTP status, to its family (docs: create-order.md, orders.md,
 * beyond-the-reference.md, lifecycle.md; ESIM_NOT_CANCELLABLE is an assumed code). Anything else is an
 * invalid request below 500 and a transport error from 500 on.
 */
const FAMILIES = new Map<string | number, ErrorFactory>([
  ["MISSING_PACKAGE_CODE", invalidRequest],
  ["MISSING_ICCID", invalidRequest],
  ["MISSING_IDENTIFIER", invalidRequest],
  ["MISSING_FIELDS", invalidRequest],
  ...REUSED_REQUEST_CODES.map((code): [string, ErrorFactory] => [code, invalidRequest]),
  ["INVALID_PACKAGE", refused],
  ["PRICE_MISMATCH", refused],
  [
    "INSUFFICIENT_BALANCE",
    (init, body) =>
      new EsimflyInsufficientBalanceError({
        ...init,
        currentBalance: body.currentBalance ?? null,
        requiredBalance: body.requiredBalance ?? null,
        needToLoad: body.needToLoad ?? null,
      }),
  ],
  // esimfly failed the order without taking any balance (docs: create-order.md): retryable.
  ["ORDER_PROCESSING_ERROR", (init) => new EsimflyRefusedError({ ...init, retryable: true })],
  ["ALREADY_CANCELLED", refused],
  ["ESIM_NOT_CANCELLABLE", refused],
  ["ESIM_NOT_TOPPABLE", refused],
  ["INVALID_TOPUP_PACKAGE", refused],
  ["TOPUP_NOT_SUPPORTED", refused],
  // The upstream network failed a live read (docs: esim-status.md, 502): a later call may work.
  ["PROVIDER_ERROR", (init) => new EsimflyTransportError({ ...init, retryable: true })],
  ["INVALID_SIGNATURE", authentication],
  ["INVALID_API_KEY", authentication],
  ["INVALID_TIMESTAMP", authentication],
  ["INVALID_USER", authentication],
  ["RATE_LIMIT_EXCEEDED", rateLimited],
  ["ORDER_NOT_FOUND", notFound],
  ["ESIM_NOT_FOUND", notFound],
  // An ICCID of no eSIM of ours answers 403 from top-up packages and live status (lifecycle.md, contradiction 6).
  ["ESIM_ACCESS_DENIED", notFound],
  ["FORBIDDEN", notFound],
  [401, authentication],
  [404, notFound],
  [429, rateLimited],
])

/** Whether esimfly says this request id or idempotency key was used before. */
export function isReusedRequest(error: unknown): error is EsimflyInvalidRequestError {
  return error instanceof EsimflyInvalidRequestError && REUSED_REQUEST_CODES.includes(error.code)
}

function otherAnswer(status: number, init: EsimflyErrorInit): EsimflyError {
  const code = init.code ?? `HTTP_${status}`
  return status >= 500
    ? new EsimflyTransportError({ ...init, code, retryable: true })
    : new EsimflyInvalidRequestError({ ...init, code })
}

function messageOf(body: ErrorBody, status: number): string {
  const parts = [body.error, body.message].filter((part): part is string => !!part?.trim())
  const unique = parts.filter((part, index) => parts.indexOf(part) === index)
  return unique.length ? unique.join(": ") : `esimfly responded with HTTP ${status}`
}

/** Maps an error answer to its family: by esimfly `code`, else by HTTP status. */
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
  const factory = (fields.code && FAMILIES.get(fields.code)) || FAMILIES.get(status)
  return factory ? factory(init, fields, context) : otherAnswer(status, init)
}
