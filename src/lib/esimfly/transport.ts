import { randomUUID } from "node:crypto"

import { EsimflyError, EsimflyTransportError, OrderOutcomeCause, errorFromResponse } from "./errors"
import { Json, QueryParams, buildUrl, describeCause, isEsimflyErrorBody, isRecord, isTimeout, parseJson } from "./http"
import { RateLimitState, readRateLimit } from "./rate-limit"
import {
  PacerFeedback,
  PacerSnapshot,
  RatePacer,
  RatePacerRegistry,
  sharedRatePacers,
  sleepClock,
  timerClock,
} from "./rate-pacer"
import { sanitize } from "./redact"
import { AttemptFailure, RetryPolicy, planRetry, serverWaitMs } from "./retry-policy"
import { signRequest } from "./sign"

export type { QueryParams } from "./http"

/** The subset of `fetch` the client uses; inject a fake in tests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** Optional logger (Medusa's fits); it never receives headers, secrets or signatures. */
export type EsimflyLogger = {
  debug(message: string, meta?: Record<string, unknown>): void
  warn(message: string, meta?: Record<string, unknown>): void
}

/** Injectable seams: network, clock, timer, randomness, request ids and logger. */
export type TransportDeps = {
  fetch?: FetchLike
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  generateRequestId?: () => string
  logger?: EsimflyLogger
  /** Where the account's shared pacer lives; tests inject their own to stay isolated. */
  pacers?: RatePacerRegistry
}

/** Connection settings, taken from the validated options. */
export type TransportConfig = RetryPolicy & {
  accessCode: string
  secretKey: string
  baseUrl: string
  timeoutMs: number
  orderTimeoutMs: number
  rateLimitPacing: boolean
  rateLimitMaxWaitMs: number
}

/** A successful JSON object answer, not yet checked against its schema. */
export type Answer = {
  status: number
  requestId: string
  body: Record<string, unknown>
}

/** A single POST either got an answer or left its outcome unknown. */
export type PostOutcome =
  | { kind: "answer"; answer: Answer }
  | {
      kind: "unknown"
      causeKind: OrderOutcomeCause
      requestId: string
      status?: number
    }

type HttpMethod = "GET" | "POST" | "PUT"

type Sent = {
  method: HttpMethod
  path: string
  requestId: string
  signature: string
  timeoutMs: number
  durationMs: number
}

type ResponseAttempt = Sent & {
  kind: "response"
  status: number
  json: Json
  waitMs: number | null
}

type FailedAttempt = Sent & { kind: "timeout" | "network"; detail: string }

type Attempt = ResponseAttempt | FailedAttempt

function failureOf(attempt: Attempt): AttemptFailure {
  return attempt.kind === "response" ? { kind: "status", status: attempt.status } : { kind: attempt.kind }
}

/** Why a 2xx answer cannot be read at all (not a JSON object), or null when it can or is an error status. */
function unreadable(attempt: ResponseAttempt): string | null {
  const { status, json } = attempt
  if (status < 200 || status >= 300 || (json.ok && isRecord(json.value))) {
    return null
  }
  return json.ok ? "body is not a JSON object" : "body is not valid JSON"
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Signs, sends, times out and retries requests; the only holder of the secret key. */
export class EsimflyTransport {
  readonly #secretKey: string
  readonly #config: Omit<TransportConfig, "secretKey">
  readonly #fetch: FetchLike
  readonly #now: () => number
  readonly #sleep: (ms: number) => Promise<void>
  readonly #random: () => number
  readonly #generateRequestId: () => string
  readonly #logger: EsimflyLogger | undefined
  readonly #pacer: RatePacer | null
  #rateLimit: RateLimitState | null = null

  constructor({ secretKey, ...config }: TransportConfig, deps: TransportDeps = {}) {
    this.#secretKey = secretKey
    this.#config = config
    this.#fetch = deps.fetch ?? ((url, init) => fetch(url, init))
    this.#now = deps.now ?? Date.now
    this.#sleep = deps.sleep ?? sleepFor
    this.#random = deps.random ?? Math.random
    this.#generateRequestId = deps.generateRequestId ?? randomUUID
    this.#logger = deps.logger
    this.#pacer = config.rateLimitPacing ? this.#sharedPacer(deps) : null
  }

  #sharedPacer(deps: TransportDeps): RatePacer {
    const clock = deps.sleep ? sleepClock(this.#now, deps.sleep) : timerClock(this.#now)
    const registry = deps.pacers ?? sharedRatePacers
    return registry.pacerFor(this.#config.baseUrl, this.#config.accessCode, clock)
  }

  /** The shared pacer's view of the account's quota; null when pacing is off. */
  get pacing(): PacerSnapshot | null {
    return this.#pacer?.snapshot() ?? null
  }

  /** The rate-limit window from the latest response that reported one. */
  get rateLimit(): RateLimitState | null {
    return this.#rateLimit
  }

  /** GET with timeout and retries; every attempt has a fresh id, timestamp and signature. */
  async get(path: string, query: QueryParams = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.#attempt("GET", path, query, "")
      const outcome = result.kind === "response" ? this.#interpret(result) : this.#failureError(result)
      if (!(outcome instanceof EsimflyError)) {
        return outcome
      }
      const plan = planRetry({
        method: "GET",
        failure: failureOf(result),
        attempt,
        policy: this.#config,
        random: this.#random,
        serverWaitMs: result.kind === "response" ? result.waitMs : null,
      })
      if (!plan.retry) {
        throw outcome
      }
      const { requestId } = result
      this.#logger?.warn(
        `esimfly GET ${path} failed (${outcome.code}, request ${requestId}); ` +
          `retry ${attempt + 1} in ${plan.delayMs} ms`,
        { requestId }
      )
      if (!this.#pacerWaits(result)) {
        await this.#sleep(plan.delayMs)
      }
    }
  }

  /**
   * One POST, never re-sent: a purchase is looked up, not repeated (STYLE.md habit 6).
   * Anything after which the request may have been processed is reported as unknown.
   */
  async postOnce(path: string, payload: unknown, idempotencyKey?: string, requestId?: string): Promise<PostOutcome> {
    return this.sendOnce("POST", path, payload, idempotencyKey, requestId)
  }

  /** `postOnce` for any writing method (PUT /webhooks rotates a secret that only the answer shows). */
  async sendOnce(
    method: "POST" | "PUT",
    path: string,
    payload: unknown,
    idempotencyKey?: string,
    requestId?: string
  ): Promise<PostOutcome> {
    const result = await this.#attempt(method, path, {}, JSON.stringify(payload), requestId)
    if (result.kind !== "response") {
      return this.#unknown(result, result.kind, idempotencyKey)
    }
    if (result.status >= 500 && !isEsimflyErrorBody(result.json)) {
      return this.#unknown(result, "bad_gateway", idempotencyKey)
    }
    if (unreadable(result) !== null) {
      return this.#unknown(result, "unreadable_response", idempotencyKey)
    }
    const outcome = this.#interpret(result, idempotencyKey)
    if (outcome instanceof EsimflyError) {
      throw outcome
    }
    return { kind: "answer", answer: outcome }
  }

  /**
   * A POST that only reads (live eSIM status), sent once: it is esimfly's costliest read and a
   * 502 must not be looped (docs: esim-status.txt). Nothing changes, so a failure throws like a GET's.
   */
  async postRead(path: string, payload: unknown): Promise<Answer> {
    const result = await this.#attempt("POST", path, {}, JSON.stringify(payload))
    const outcome = result.kind === "response" ? this.#interpret(result) : this.#failureError(result)
    if (outcome instanceof EsimflyError) {
      throw outcome
    }
    return outcome
  }

  /** After a 429 that said how long to wait, the pacer already holds every request until then. */
  #pacerWaits(attempt: Attempt): boolean {
    const told = attempt.kind === "response" && attempt.status === 429 && attempt.waitMs !== null
    return this.#pacer !== null && told
  }

  /** Waits for a slot before anything is signed, so the timestamp is fresh and nothing is sent twice. */
  async #attempt(
    method: HttpMethod,
    path: string,
    query: QueryParams,
    body: string,
    presetRequestId?: string
  ): Promise<Attempt> {
    await this.#pacer?.take(this.#config.rateLimitMaxWaitMs)
    const requestId = presetRequestId ?? this.#generateRequestId()
    const startedAt = this.#now()
    const timestamp = String(Math.floor(startedAt))
    const { accessCode, baseUrl } = this.#config
    const secretKey = this.#secretKey
    const signature = signRequest({ secretKey, timestamp, requestId, accessCode, body })
    const { orderTimeoutMs, timeoutMs: getTimeoutMs } = this.#config
    const timeoutMs = method === "GET" ? getTimeoutMs : orderTimeoutMs
    const signal = AbortSignal.timeout(timeoutMs)
    const headers = this.#headers(method, requestId, timestamp, signature)
    const withBody = method === "GET" ? {} : { body }
    const init: RequestInit = { method, headers, signal, ...withBody }
    const sent = { method, path, requestId, signature, timeoutMs }
    let feedback: PacerFeedback | null = null
    try {
      const response = await this.#fetch(buildUrl(baseUrl, path, query), init)
      const { status, headers: received } = response
      const receivedAt = this.#now()
      const rateLimit = readRateLimit(received, receivedAt)
      this.#rateLimit = rateLimit ?? this.#rateLimit
      const waitMs = serverWaitMs(status, received, receivedAt)
      feedback = { rateLimit, status, retryAfterMs: waitMs }
      const json = parseJson(await response.text())
      const durationMs = this.#now() - startedAt
      return this.#logged({ ...sent, kind: "response", status, json, waitMs, durationMs })
    } catch (error) {
      const kind = isTimeout(error, signal) ? "timeout" : "network"
      const detail = sanitize(describeCause(error), [secretKey, signature])
      return this.#logged({ ...sent, kind, detail, durationMs: this.#now() - startedAt })
    } finally {
      this.#pacer?.settle(feedback)
    }
  }

  #headers(method: HttpMethod, requestId: string, timestamp: string, signature: string): Record<string, string> {
    return {
      "RT-AccessCode": this.#config.accessCode,
      "RT-RequestID": requestId,
      "RT-Timestamp": timestamp,
      "RT-Signature": signature,
      Accept: "application/json",
      ...(method === "GET" ? {} : { "Content-Type": "application/json" }),
    }
  }

  #logged<T extends Attempt>(attempt: T): T {
    const { method, path, requestId, durationMs } = attempt
    const outcome = attempt.kind === "response" ? String(attempt.status) : attempt.kind
    this.#logger?.debug(`esimfly ${method} ${path} ${outcome} (${durationMs} ms, request ${requestId})`, { requestId })
    return attempt
  }

  #unknown(attempt: Attempt, causeKind: OrderOutcomeCause, idempotencyKey?: string): PostOutcome {
    const { requestId } = attempt
    const status = attempt.kind === "response" ? attempt.status : undefined
    this.#logger?.warn(
      `esimfly ${attempt.method} ${attempt.path} outcome unknown ` +
        `(${causeKind}, request ${requestId}); find out whether it happened before sending it again`,
      { requestId, idempotencyKey }
    )
    return { kind: "unknown", causeKind, requestId, status }
  }

  #interpret(attempt: ResponseAttempt, idempotencyKey?: string): Answer | EsimflyError {
    const { status, requestId, json, waitMs } = attempt
    const ok = status >= 200 && status < 300
    if (ok && json.ok && isRecord(json.value) && json.value.success !== false) {
      return { status, requestId, body: json.value }
    }
    if (json.ok && isRecord(json.value)) {
      const secrets = [this.#secretKey, attempt.signature]
      const context = { idempotencyKey, retryAfterMs: waitMs, secrets }
      return errorFromResponse(status, json.value, requestId, context)
    }
    const detail = unreadable(attempt)
    if (detail === null) {
      return errorFromResponse(status, undefined, requestId, {
        idempotencyKey,
        retryAfterMs: waitMs,
      })
    }
    const where = `esimfly ${attempt.method} ${attempt.path}`
    return EsimflyTransportError.unexpectedResponse(where, detail, { status, requestId, idempotencyKey })
  }

  #failureError(attempt: FailedAttempt): EsimflyError {
    const where = `esimfly ${attempt.method} ${attempt.path}`
    const { requestId } = attempt
    if (attempt.kind === "timeout") {
      const message = `${where} timed out after ${attempt.timeoutMs} ms`
      return new EsimflyTransportError({ message, requestId, code: "TIMEOUT" })
    }
    const message = `${where} failed: ${attempt.detail}`
    return new EsimflyTransportError({ message, requestId, code: "NETWORK_ERROR" })
  }
}
