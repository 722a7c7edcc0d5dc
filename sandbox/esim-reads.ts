import { LifeStatus } from "./after-sale-types"
import { RouteContext } from "./core"
import { allLives, lifeOf } from "./esim-life"
import { listedEsimView, liveStatusView, usageView } from "./esim-views"
import { parseJsonObject } from "./order-request"
import { InvalidParameterError, pageOf, readEnum, readInt } from "./query"
import { businessError, success } from "./replies"
import { ApiReply } from "./types"
import { flushLagging } from "./webhook-delivery"

const STATUSES = ["new", "active", "expired", "cancelled", "depleted", "deleted"] as const

/** GET /esims?status&page&limit (limit ≤ 100, docs/api/esims.md): each eSIM with its data and validity, newest first. */
export function listEsims(ctx: RouteContext): ApiReply {
  let status: string | null, page: number, limit: number
  try {
    status = readEnum(ctx.query, "status", STATUSES, null)
    page = readInt(ctx.query, "page", 1, Number.MAX_SAFE_INTEGER)
    limit = readInt(ctx.query, "limit", 20, 100)
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.toReply()
    throw error
  }
  const wanted = status?.toUpperCase() as LifeStatus | undefined
  const lives = allLives(ctx.core).filter((life) => !wanted || life.status === wanted)
  return success({
    data: {
      esims: pageOf(lives, page, limit).map((life) => listedEsimView(ctx.core, life)),
      pagination: { page, limit, total: lives.length, total_pages: Math.ceil(lives.length / limit) },
    },
  })
}

/** GET /esims/usage/query?iccid=|order_id= (exactly one). Its errors carry no code (docs/api/esims-usage.md). */
export function queryUsage(ctx: RouteContext): ApiReply {
  const iccid = ctx.query.get("iccid")
  const orderId = ctx.query.get("order_id")
  if (!iccid === !orderId) {
    const message = "Provide exactly one of iccid or order_id"
    return { status: 400, body: { error: "Bad Request", message } }
  }
  const { core } = ctx
  const fromOrder = orderId ? core.state.ordersByReference.get(orderId)?.esims[0]?.iccid : undefined
  const life = lifeOf(core, iccid ?? fromOrder ?? "")
  if (!life) return { status: 404, body: { error: "Not Found", message: "eSIM not found" } }
  return success({ data: usageView(core, life) })
}

/** POST /esims/status { iccid } | { esimId }: live, in GB; also sends any late status event at once. */
export function liveStatus(ctx: RouteContext): ApiReply {
  const body = parseJsonObject(ctx.body) ?? {}
  const { iccid, esimId } = body
  if (typeof iccid !== "string" && typeof esimId !== "number") {
    return businessError(400, "MISSING_IDENTIFIER", "Provide iccid or esimId")
  }
  const { core } = ctx
  const byId = core.state.orders.find((order) => order.id === esimId)?.esims[0]?.iccid
  const life = lifeOf(core, typeof iccid === "string" ? iccid : (byId ?? ""))
  if (!life) return businessError(404, "ESIM_NOT_FOUND", "eSIM not found")
  // "≤30 min (immediate after POST /esims/status)" (lifecycle.md).
  flushLagging(core, life.iccid)
  return success({ data: liveStatusView(core, life) })
}
