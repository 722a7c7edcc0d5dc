import { IncomingMessage, ServerResponse } from "node:http"
import { authenticate } from "./auth"
import { SandboxCore } from "./core"
import { FailRule } from "./faults"
import { headerValue, once, readBody, sendJson, sleep } from "./http-io"
import { recordRequest, RequestTrace } from "./ledger"
import { rateLimitHeaders, RateLimitVerdict } from "./rate-limit"
import { gatewayError } from "./replies"
import { findRoute } from "./routes"
import { ApiReply } from "./types"

interface ApiRequest {
  method: string
  url: URL
  body: Buffer | null
  req: IncomingMessage
  pause: () => Promise<void>
}

/** One business API call: faults, then routing, auth, rate limit, the route, latency, reply. */
export async function handleApi(
  core: SandboxCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> {
  const method = req.method ?? "GET"
  const trace: RequestTrace = {
    seq: core.state.nextSeq++,
    method,
    path: url.pathname,
    requestId: headerValue(req, "rt-requestid"),
  }
  const body = await readBody(req)
  if (core.faults.takeHang(method, url.pathname, url.searchParams)) {
    // Never answered and nothing happens; close() ends the socket.
    recordRequest(core, trace, null, "hung")
    return
  }
  const drop = core.faults.takeDrop(method, url.pathname, url.searchParams)
  const pause = once(() => sleep(core.faults.latencyMs, core.closing.signal))
  const reply = await produceReply(core, { method, url, body, req, pause })
  await pause()
  if (drop) {
    // The work is done (an order is committed), but the caller never learns it.
    res.socket?.destroy()
    recordRequest(core, trace, reply.status, "dropped")
    return
  }
  const headers = { ...rateLimitHeaders(core.limiter.peek()), ...reply.headers }
  sendJson(res, reply.status, reply.body, headers)
  recordRequest(core, trace, reply.status, reply.status < 400 ? "answered" : "rejected")
}

async function produceReply(core: SandboxCore, request: ApiRequest): Promise<ApiReply> {
  const { method, url, body } = request
  // Injected failures come first, so they have no side effect (not even on the request id).
  const fault = core.faults.takeFail(method, url.pathname, url.searchParams)
  if (fault) return faultReply(fault)
  if (body === null) return gatewayError(413, "PAYLOAD_TOO_LARGE", "Request body too large")
  const route = findRoute(method, url.pathname)
  if (!route.ok) return route.reply
  const auth = authenticate(core, request.req.headers, body)
  if (!auth.ok) return auth.reply
  const verdict = core.limiter.consume()
  if (!verdict.allowed) return rateLimited(verdict)
  const query = url.searchParams
  try {
    return await route.handler({ core, body, query, requestId: auth.requestId, pause: request.pause })
  } catch (error) {
    if (core.closing.signal.aborted) throw error
    const message = error instanceof Error ? error.message : String(error)
    return gatewayError(500, "SYSTEM_ERROR", `Sandbox error: ${message}`)
  }
}

function faultReply(fault: FailRule): ApiReply {
  const retry = fault.status === 429 || fault.status === 503
  return {
    status: fault.status,
    body: { success: false, code: fault.code, message: fault.message },
    headers: retry ? { "Retry-After": "1" } : {},
  }
}

function rateLimited(verdict: RateLimitVerdict): ApiReply {
  const reply = gatewayError(429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded", {
    message: `Too many requests. Try again in ${verdict.retryAfterSeconds} seconds.`,
  })
  return { ...reply, headers: { "Retry-After": String(verdict.retryAfterSeconds) } }
}
