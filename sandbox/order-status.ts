import { RouteContext } from "./core"
import { registerPoll } from "./order-lifecycle"
import { orderStatusBody } from "./order-views"
import { businessError, success } from "./replies"
import { ApiReply } from "./types"

/** GET /esims/order?orderReference=… */
export function getOrderStatus(ctx: RouteContext): ApiReply {
  const reference = ctx.query.get("orderReference")
  if (!reference) {
    const message = "Missing required parameter: orderReference"
    return businessError(400, "MISSING_ORDER_REFERENCE", message)
  }
  const { core } = ctx
  const order = core.state.ordersByReference.get(reference)
  if (!order) return businessError(404, "ORDER_NOT_FOUND", "Order not found")
  registerPoll(core, order)
  const pkg = core.packagesByCode.get(order.packageCode) ?? core.retired.get(order.packageCode)
  if (!pkg) throw new Error(`esimfly sandbox: order ${reference} has no catalogue package`)
  return success({ order: orderStatusBody(order, pkg, core.options.pendingShape) })
}
