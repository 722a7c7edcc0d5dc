import { RouteHandler } from "./core"
import { cancelEsim } from "./esim-cancel"
import { listEsims, liveStatus, queryUsage } from "./esim-reads"
import { toMajor } from "./money"
import { getOrderStatus } from "./order-status"
import { listOrders } from "./order-history"
import { createOrder } from "./orders"
import { listPackages } from "./packages"
import { API_BASE } from "./paths"
import { gatewayError, success } from "./replies"
import { listTopupPackages, orderTopup } from "./topup"
import { ApiReply } from "./types"
import { getWebhook, putWebhook } from "./webhook-config"

const getBalance: RouteHandler = ({ core }) =>
  success({
    data: {
      balance: toMajor(core.state.balanceMinor, core.options.currency),
      currency: core.options.currency,
    },
  })

function methods(handlers: Record<string, RouteHandler>): Map<string, RouteHandler> {
  return new Map(Object.entries(handlers))
}

const ROUTES = new Map([
  ["/esims/order", methods({ POST: createOrder, GET: getOrderStatus })],
  ["/esims/cancel", methods({ POST: cancelEsim })],
  ["/esims/packages", methods({ GET: listPackages })],
  ["/orders", methods({ GET: listOrders })],
  ["/balance", methods({ GET: getBalance })],
  ["/webhooks", methods({ PUT: putWebhook, GET: getWebhook })],
  ["/esims", methods({ GET: listEsims })],
  ["/esims/usage/query", methods({ GET: queryUsage })],
  ["/esims/status", methods({ POST: liveStatus })],
  ["/topup/packages", methods({ GET: listTopupPackages })],
  ["/topup/order", methods({ POST: orderTopup })],
])

export type RouteMatch = { ok: true; handler: RouteHandler } | { ok: false; reply: ApiReply }

/** Unknown paths answer 404 and known paths with the wrong method 405, both before auth. */
export function findRoute(method: string, pathname: string): RouteMatch {
  const relative = pathname.startsWith(API_BASE) ? pathname.slice(API_BASE.length) : null
  const handlers = relative === null ? undefined : ROUTES.get(relative.replace(/\/+$/, ""))
  if (!handlers) {
    return { ok: false, reply: gatewayError(404, "NOT_FOUND", `No route for ${method} ${pathname}`) }
  }
  const handler = handlers.get(method)
  if (!handler) {
    const allowed = [...handlers.keys()].join(", ")
    const reply = gatewayError(405, "METHOD_NOT_ALLOWED", `Use ${allowed} for ${pathname}`)
    return { ok: false, reply: { ...reply, headers: { Allow: allowed } } }
  }
  return { ok: true, handler }
}
