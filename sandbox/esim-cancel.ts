import { RouteContext, SandboxCore } from "./core"
import { changeStatus } from "./device"
import { lifeOf } from "./esim-life"
import { toMajor } from "./money"
import { parseJsonObject } from "./order-request"
import { businessError, success } from "./replies"
import { ApiReply, EsimRecord, OrderRecord } from "./types"

type Found = { order: OrderRecord; esim: EsimRecord }

/**
 * POST /esims/cancel { iccid }. esimfly cancels before activation, every eligible eSIM of
 * the same order at once, and refunds to the balance (beyond-the-reference.md, "Other
 * capabilities"). The answer's shape is the sandbox's assumption: the docs do not show one.
 */
export function cancelEsim(ctx: RouteContext): ApiReply {
  const body = parseJsonObject(ctx.body)
  if (!body) return businessError(400, "INVALID_REQUEST", "Invalid JSON in request body")
  const { iccid } = body
  if (typeof iccid !== "string" || iccid.trim() === "") {
    return businessError(400, "MISSING_ICCID", "Missing required field: iccid")
  }
  const found = findEsim(ctx.core, iccid)
  if (!found) return businessError(404, "ESIM_NOT_FOUND", "eSIM not found")
  const { order, esim } = found
  if (esim.state === "cancelled" || order.status === "cancelled") {
    return businessError(400, "ALREADY_CANCELLED", `eSIM ${iccid} has already been cancelled`)
  }
  if (esim.state !== "new") {
    const message = `eSIM ${iccid} is ${esim.state} and can no longer be cancelled`
    return businessError(400, "ESIM_NOT_CANCELLABLE", message)
  }
  return success({ data: commitCancel(ctx, order, iccid) })
}

/** Only delivered eSIMs have an ICCID; a pending order's placeholders are not eSIMs yet. */
function findEsim(core: SandboxCore, iccid: string): Found | null {
  for (const order of core.state.orders) {
    const esim = order.esims.find((candidate) => candidate.iccid === iccid)
    if (esim) return { order, esim }
  }
  return null
}

/** Cancels every eSIM of the order that is still `new` and refunds their share in one step. */
function commitCancel(ctx: RouteContext, order: OrderRecord, requestedIccid: string) {
  const { state } = ctx.core
  const eligible = order.esims.filter((esim) => esim.state === "new")
  eligible.forEach((esim) => {
    const life = lifeOf(ctx.core, esim.iccid)
    esim.state = "cancelled"
    if (life) changeStatus(ctx.core, life, "CANCELLED")
  })
  const refundMinor = order.unitMinor * eligible.length
  state.balanceMinor += refundMinor
  if (order.esims.every((esim) => esim.state === "cancelled")) order.status = "cancelled"
  const iccids = eligible.map((esim) => esim.iccid)
  const at = ctx.core.now()
  order.cancellations.push({ at, requestId: ctx.requestId, requestedIccid, iccids, refundMinor })
  return {
    orderReference: order.orderReference,
    cancelled: iccids,
    refunded: toMajor(refundMinor, order.currency),
    currency: order.currency,
    newBalance: toMajor(state.balanceMinor, order.currency),
  }
}
