import { z } from "zod"

import {
  EsimStatusInput,
  ListEsimsParams,
  ListTopupPackagesParams,
  OrderTopupInput,
  UsageQueryInput,
  esimStatusInputSchema,
  listEsimsParamsSchema,
  listTopupPackagesParamsSchema,
  orderTopupInputSchema,
  setWebhookInputSchema,
  usageQueryInputSchema,
} from "./after-sale-inputs"
import {
  normalizeListedEsim,
  normalizeLiveStatus,
  normalizeTopup,
  normalizeUsage,
  normalizeWebhookState,
} from "./after-sale-normalize"
import {
  esimStatusResponseSchema,
  esimsResponseSchema,
  getWebhookResponseSchema,
  setWebhookResponseSchema,
  topupOrderResponseSchema,
  usageQueryResponseSchema,
} from "./after-sale-schemas"
import type {
  EsimPage,
  EsimUsage,
  LiveEsimStatus,
  SetWebhookInput,
  TopupResult,
  WebhookConfig,
  WebhookState,
} from "./after-sale-types"
import { EsimflyOutcomeUnknownError, EsimflyTransportError, OrderOutcomeCause } from "./errors"
import {
  CreateOrderInput,
  ListOrdersParams,
  ListPackagesParams,
  createOrderInputSchema,
  iccidSchema,
  listOrdersParamsSchema,
  listPackagesParamsSchema,
  orderReferenceSchema,
  parseInput,
} from "./inputs"
import {
  normalizeCreateOrder,
  normalizeOrderHistory,
  normalizeOrderStatus,
  normalizePackagePage,
  normalizePagination,
} from "./normalize"
import { EsimflyOptionsInput, parseEsimflyOptions } from "./options"
import { RateLimitState } from "./rate-limit"
import { PacerSnapshot } from "./rate-pacer"
import {
  balanceResponseSchema,
  cancelEsimResponseSchema,
  createOrderResponseSchema,
  describeSchemaError,
  orderHistoryResponseSchema,
  orderStatusResponseSchema,
  packagesResponseSchema,
} from "./schemas"
import { Answer, EsimflyTransport, PostOutcome, QueryParams, TransportDeps } from "./transport"
import type {
  Balance,
  CancelEsimResult,
  CreateOrderResult,
  OrderHistoryPage,
  OrderStatus,
  Package,
  PackagePage,
} from "./types"

/** Options plus the injectable seams (fetch, clock, sleep, random, request ids, logger, pacers). */
export type EsimflyClientConfig = EsimflyOptionsInput & TransportDeps

type UnknownCause = { causeKind: OrderOutcomeCause; requestId: string; status?: number }

/** Page size `iteratePackages` asks for: the documented maximum (`limit<=100`). */
const PACKAGE_PAGE_SIZE = 100

function unknownCause(outcome: PostOutcome): UnknownCause {
  if (outcome.kind === "unknown") {
    const { causeKind, requestId, status } = outcome
    return { causeKind, requestId, status }
  }
  const { requestId, status } = outcome.answer
  return { causeKind: "unreadable_response", requestId, status }
}

/** Typed client of the esimfly business API: one method per endpoint, no framework. */
export class EsimflyClient {
  readonly #transport: EsimflyTransport

  constructor(config: EsimflyClientConfig) {
    const { fetch, now, sleep, random, generateRequestId, logger, pacers, ...raw } = config
    const options = parseEsimflyOptions(raw)
    const deps = { fetch, now, sleep, random, generateRequestId, logger, pacers }
    this.#transport = new EsimflyTransport(options, deps)
  }

  /** The rate-limit window from the latest response that reported one. */
  get rateLimit(): RateLimitState | null {
    return this.#transport.rateLimit
  }

  /** The shared pacer's view of the account's quota (limit, remaining, reset, waiting); null when pacing is off. */
  get pacing(): PacerSnapshot | null {
    return this.#transport.pacing
  }

  /**
   * Buys eSIMs with exactly one request. When the request may have been processed but
   * no readable answer came back, throws `EsimflyOutcomeUnknownError` (ORDER_OUTCOME_UNKNOWN).
   */
  async createOrder(input: CreateOrderInput): Promise<CreateOrderResult> {
    const order = parseInput(createOrderInputSchema, input, "createOrder")
    const key = order.idempotencyKey
    const payload = {
      packageCode: order.packageCode,
      quantity: order.quantity,
      ...(key === undefined ? {} : { idempotency_key: key }),
    }
    const outcome = await this.#transport.postOnce("/esims/order", payload, key, order.requestId)
    if (outcome.kind === "answer") {
      const parsed = createOrderResponseSchema.safeParse(outcome.answer.body)
      if (parsed.success) {
        return normalizeCreateOrder(parsed.data, order.quantity)
      }
    }
    throw EsimflyOutcomeUnknownError.order({ ...order, ...unknownCause(outcome) })
  }

  /**
   * Cancels an eSIM before activation: esimfly cancels every eligible eSIM of the same
   * esimfly order and refunds them to the balance (docs: beyond-the-reference.md). Sent
   * exactly once; a lost answer throws `EsimflyOutcomeUnknownError` (CANCEL_OUTCOME_UNKNOWN; calling again
   * is safe: a cancel that went through answers ALREADY_CANCELLED).
   */
  async cancelEsim(iccid: string): Promise<CancelEsimResult> {
    const id = parseInput(iccidSchema, iccid, "cancelEsim")
    const outcome = await this.#transport.postOnce("/esims/cancel", { iccid: id })
    if (outcome.kind === "answer") {
      const parsed = cancelEsimResponseSchema.safeParse(outcome.answer.body)
      if (parsed.success) {
        const { orderReference, cancelled, refunded, currency, newBalance } = parsed.data.data
        return {
          orderReference: orderReference ?? null,
          cancelled: cancelled ?? [],
          refunded: refunded ?? null,
          currency: currency ?? null,
          newBalance: newBalance ?? null,
        }
      }
    }
    throw EsimflyOutcomeUnknownError.cancel({ iccid: id, ...unknownCause(outcome) })
  }

  /** Looks an order up by reference (docs: create-order.md, "Order Status Checking"). */
  async getOrder(orderReference: string): Promise<OrderStatus> {
    const reference = parseInput(orderReferenceSchema, orderReference, "getOrder")
    const query = { orderReference: reference }
    const body = await this.#get("/esims/order", query, orderStatusResponseSchema)
    return normalizeOrderStatus(body.order)
  }

  /** One page of the order history (docs: orders.md). */
  async listOrders(params: ListOrdersParams = {}): Promise<OrderHistoryPage> {
    const p = parseInput(listOrdersParamsSchema, params, "listOrders")
    const query = {
      page: p.page,
      limit: p.limit,
      status: p.status,
      from_date: p.fromDate,
      to_date: p.toDate,
      search: p.search,
      sort_by: p.sortBy,
      sort_order: p.sortOrder,
    }
    const body = await this.#get("/orders", query, orderHistoryResponseSchema)
    const requested = { page: p.page ?? 1, limit: p.limit ?? null }
    return normalizeOrderHistory(body.data, requested)
  }

  /** The business account balance. */
  async getBalance(): Promise<Balance> {
    const body = await this.#get("/balance", {}, balanceResponseSchema)
    return { balance: body.data.balance, currency: body.data.currency }
  }

  /** One page of the package catalogue. */
  async listPackages(params: ListPackagesParams = {}): Promise<PackagePage> {
    const p = parseInput(listPackagesParamsSchema, params, "listPackages")
    const { search, type, country, page, limit } = p
    const query = { search, type, country, page, limit }
    const body = await this.#get("/esims/packages", query, packagesResponseSchema)
    const requested = { page: page ?? 1, limit: limit ?? null }
    return normalizePackagePage(body.data, requested)
  }

  /** Walks every page of the catalogue; a failed page throws instead of ending the walk. */
  async *iteratePackages(filters: Omit<ListPackagesParams, "page"> = {}): AsyncGenerator<Package, void, undefined> {
    const limit = filters.limit ?? PACKAGE_PAGE_SIZE
    for (let page = 1; ; page += 1) {
      const result = await this.listPackages({ ...filters, page, limit })
      yield* result.packages
      if (result.packages.length === 0 || page >= result.pagination.totalPages) {
        return
      }
    }
  }

  /**
   * Sets the webhook URL and events and returns the signing secret, which only this answer
   * shows; every call rotates it (docs: webhooks.md). Sent once: a lost answer throws
   * WEBHOOK_OUTCOME_UNKNOWN, and calling again is the way out.
   */
  async setWebhook(input: SetWebhookInput): Promise<WebhookConfig> {
    const { url, events } = parseInput(setWebhookInputSchema, input, "setWebhook")
    const outcome = await this.#transport.sendOnce("PUT", "/webhooks", { webhook_url: url, events })
    if (outcome.kind === "answer") {
      const parsed = setWebhookResponseSchema.safeParse(outcome.answer.body)
      if (parsed.success) {
        const { webhook, message, note } = parsed.data
        const { secret, events: subscribed } = webhook
        return { url: webhook.url, secret, events: subscribed, message: message ?? null, note: note ?? null }
      }
    }
    throw EsimflyOutcomeUnknownError.webhook(unknownCause(outcome))
  }

  /** The webhook as configured (never the secret), the events on offer and the last deliveries. */
  async getWebhook(): Promise<WebhookState> {
    return normalizeWebhookState(await this.#get("/webhooks", {}, getWebhookResponseSchema))
  }

  /** One page of the account's eSIMs with usage in MB (docs: esims.md); the nightly sweep, not a per-eSIM loop. */
  async listEsims(params: ListEsimsParams = {}): Promise<EsimPage> {
    const { status, limit, page } = parseInput(listEsimsParamsSchema, params, "listEsims")
    const body = await this.#get("/esims", { status, limit, page }, esimsResponseSchema)
    const pagination = normalizePagination(body.data.pagination, { page: page ?? 1, limit: limit ?? null })
    return { esims: body.data.esims.map(normalizeListedEsim), pagination }
  }

  /** Data left on one eSIM, in MB (docs: esims-usage.md); a 404 is final. */
  async queryUsage(input: UsageQueryInput): Promise<EsimUsage> {
    const { iccid, orderReference } = parseInput(usageQueryInputSchema, input, "queryUsage")
    const query = { iccid, order_id: orderReference }
    const body = await this.#get("/esims/usage/query", query, usageQueryResponseSchema)
    return normalizeUsage(body.data)
  }

  /**
   * Live status read from the network (docs: esim-status.md), in GB. A POST that only reads:
   * sent once and never retried, because it is the costliest read and a 502 must not loop.
   */
  async esimStatus(input: EsimStatusInput): Promise<LiveEsimStatus> {
    const { iccid, esimId } = parseInput(esimStatusInputSchema, input, "esimStatus")
    const answer = await this.#transport.postRead("/esims/status", iccid === undefined ? { esimId } : { iccid })
    const body = this.#read(answer, "esimfly POST /esims/status", esimStatusResponseSchema)
    return normalizeLiveStatus(body.data)
  }

  /** The top-up packages one eSIM can take; `cost` is our price (docs: topup-packages.md). */
  async listTopupPackages(params: ListTopupPackagesParams): Promise<PackagePage> {
    const { iccid, page, limit } = parseInput(listTopupPackagesParamsSchema, params, "listTopupPackages")
    const body = await this.#get("/topup/packages", { iccid, page, limit }, packagesResponseSchema)
    return normalizePackagePage(body.data, { page: page ?? 1, limit: limit ?? null })
  }

  /**
   * Tops an eSIM up with exactly one request: the call has no idempotency key (docs:
   * topup-order.md), so a lost answer throws `EsimflyOutcomeUnknownError` (TOPUP_OUTCOME_UNKNOWN).
   */
  async orderTopup(input: OrderTopupInput): Promise<TopupResult> {
    const topup = parseInput(orderTopupInputSchema, input, "orderTopup")
    const { iccid, packageCode, quantity } = topup
    const outcome = await this.#transport.postOnce("/topup/order", { iccid, packageCode, quantity })
    if (outcome.kind === "answer") {
      const parsed = topupOrderResponseSchema.safeParse(outcome.answer.body)
      if (parsed.success) {
        return normalizeTopup(parsed.data)
      }
    }
    throw EsimflyOutcomeUnknownError.topup({ ...topup, ...unknownCause(outcome) })
  }

  async #get<T>(path: string, query: QueryParams, schema: z.ZodType<T>): Promise<T> {
    return this.#read(await this.#transport.get(path, query), `esimfly GET ${path}`, schema)
  }

  #read<T>(answer: Answer, where: string, schema: z.ZodType<T>): T {
    const parsed = schema.safeParse(answer.body)
    if (parsed.success) {
      return parsed.data
    }
    const detail = describeSchemaError(parsed.error)
    const { status, requestId } = answer
    throw EsimflyTransportError.unexpectedResponse(where, detail, { status, requestId })
  }
}
