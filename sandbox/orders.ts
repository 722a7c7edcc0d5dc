import { performance } from "node:perf_hooks"
import { CataloguePackage } from "./catalogue"
import { RouteContext, SandboxCore } from "./core"
import { makeEsim, placeholderIccid, referenceSuffix } from "./esim-factory"
import { priceInCurrency, profitOf, toMajor, toMinor } from "./money"
import { createOrderBody } from "./order-views"
import { OrderRequest, parseOrderRequest } from "./order-request"
import { businessError, gatewayError } from "./replies"
import { IN_FLIGHT, SandboxState } from "./state"
import { ApiReply, Currency, OrderRecord } from "./types"

type Priced = { ok: true; pkg: CataloguePackage; unitMinor: number } | { ok: false; reply: ApiReply }

/** POST /esims/order. */
export async function createOrder(ctx: RouteContext): Promise<ApiReply> {
  const started = performance.now()
  const parsed = parseOrderRequest(ctx.body)
  if (!parsed.ok) return parsed.reply
  const request = parsed.order
  const { idempotency } = ctx.core.state
  const key = request.idempotencyKey
  const earlier = key === null ? undefined : idempotency.get(key)
  if (earlier === IN_FLIGHT) {
    const error = "A request with this idempotency_key is still being processed"
    return gatewayError(409, "DUPLICATE_REQUEST", error)
  }
  if (earlier) return { status: 200, body: { ...earlier.response, duplicate: true } }
  const priced = priceOrder(ctx.core, request)
  if (!priced.ok) return priced.reply
  if (key !== null) idempotency.set(key, IN_FLIGHT)
  try {
    // Provisioning takes the configured latency; a replay of the key meanwhile gets 409.
    await ctx.pause()
    return commitOrder(ctx, request, priced, performance.now() - started)
  } finally {
    if (key !== null && idempotency.get(key) === IN_FLIGHT) idempotency.delete(key)
  }
}

function priceOrder(core: SandboxCore, request: OrderRequest): Priced {
  const pkg = core.packagesByCode.get(request.packageCode)
  if (!pkg) {
    const message = "Invalid package code. Package not found in database."
    return { ok: false, reply: businessError(400, "INVALID_PACKAGE", message) }
  }
  const { currency } = core.options
  const unitMinor = priceInCurrency(pkg.usdCents, currency)
  // "Submitted price must match the current package price."
  if (request.price !== null && toMinor(request.price, currency) !== unitMinor) {
    return { ok: false, reply: businessError(400, "PRICE_MISMATCH", "Invalid price submitted") }
  }
  return { ok: true, pkg, unitMinor }
}

/** Checks and deducts the balance in one synchronous step, so concurrent orders cannot overdraw. */
function commitOrder(
  ctx: RouteContext,
  request: OrderRequest,
  priced: { pkg: CataloguePackage; unitMinor: number },
  elapsedMs: number
): ApiReply {
  const { state, options } = ctx.core
  const amountMinor = priced.unitMinor * request.quantity
  if (state.balanceMinor < amountMinor) {
    return insufficientBalance(options.currency, state.balanceMinor, amountMinor)
  }
  state.balanceMinor -= amountMinor
  const order = newOrder(ctx, request, priced.pkg, priced.unitMinor)
  const processingMs = Math.round(elapsedMs)
  order.response = createOrderBody(order, state.balanceMinor, processingMs, options.pendingShape)
  state.orders.push(order)
  state.ordersByReference.set(order.orderReference, order)
  if (order.idempotencyKey !== null) state.idempotency.set(order.idempotencyKey, order)
  return { status: 200, body: order.response }
}

function insufficientBalance(currency: Currency, balanceMinor: number, requiredMinor: number): ApiReply {
  return businessError(400, "INSUFFICIENT_BALANCE", "Insufficient balance", {
    currentBalance: toMajor(balanceMinor, currency),
    requiredBalance: toMajor(requiredMinor, currency),
    needToLoad: toMajor(requiredMinor - balanceMinor, currency),
  })
}

function newOrder(ctx: RouteContext, request: OrderRequest, pkg: CataloguePackage, unitMinor: number): OrderRecord {
  const { core } = ctx
  const now = core.now()
  const id = core.state.nextOrderId++
  const pending = pkg.pendingFirst || core.faults.staysPending(pkg.code)
  const units = Array.from({ length: request.quantity }, (_, index) => index)
  // A shortNext fault: charged for the quantity, but at least one eSIM fewer is ever provisioned.
  const esimCount = Math.max(1, request.quantity - core.faults.takeShort())
  const amountMinor = unitMinor * request.quantity
  return {
    id,
    orderReference: newReference(core.state, now),
    requestId: ctx.requestId,
    idempotencyKey: request.idempotencyKey,
    callbackUrl: request.callbackUrl,
    packageCode: pkg.code,
    packageName: pkg.name,
    flag: pkg.flag,
    quantity: request.quantity,
    esimCount,
    currency: core.options.currency,
    unitMinor,
    amountMinor,
    profitMinor: profitOf(amountMinor),
    status: pending ? "pending_details" : "completed",
    polls: 0,
    placeholders: pending ? units.map((index) => placeholderIccid(id, index, now)) : [],
    esims: pending ? [] : units.slice(0, esimCount).map(() => makeEsim(core.options.smdpAddress)),
    createdAt: now,
    completedAt: pending ? null : now,
    cancellations: [],
    response: {},
  }
}

/** order_<ms>_<5 lowercase alphanumerics>, unique within the sandbox. */
function newReference(state: SandboxState, now: number): string {
  let reference: string
  do {
    reference = `order_${now}_${referenceSuffix()}`
  } while (state.ordersByReference.has(reference))
  return reference
}
