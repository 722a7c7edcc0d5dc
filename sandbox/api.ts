import { IncomingMessage, ServerResponse } from "node:http"
import { authenticate } from "./auth"
import { ChaosHit } from "./chaos"
import { SandboxCore } from "./core"
import { defaultFaultCode, FaultReply } from "./faults"
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

/** Which faults one call gets: queued rules first, then (for calls none claimed) a chaos draw. */
interface FaultPlan {
  hang: boolean
  drop: boolean
  fail: FaultReply | null
  chaos: ChaosHit | null
}

/** One business API call: faults, then routing, auth, rate limit, the route, latency, reply. */
export async function handleApi(core: SandboxCore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET"
  const trace: RequestTrace = {
    seq: core.state.nextSeq++,
    method,
    path: url.pathname,
    requestId: headerValue(req, "rt-requestid"),
  }
  const body = await readBody(req)
  const plan = planFaults(core, method, url)
  if (plan.hang) {
    // Never answered and nothing happens; close() ends the socket.
    recordRequest(core, trace, null, "hung")
    return
  }
  if (plan.chaos) trace.chaos = plan.chaos.kind
  const extraMs = plan.chaos?.kind === "latency" ? plan.chaos.delayMs : 0
  const pause = once(() => sleep(core.faults.latencyMs + extraMs, core.closing.signal))
  // Injected failures answer before anything else, so they have no side effect (not even on the request id).
  const reply = plan.fail ? faultReply(plan.fail) : await produceReply(core, { method, url, body, req, pause })
  await pause()
  if (plan.drop) {
    // The work is done (an order is committed), but the caller never learns it.
    res.socket?.destroy()
    recordRequest(core, trace, reply.status, "dropped")
    return
  }
  const headers = { ...rateLimitHeaders(core.limiter.peek()), ...reply.headers }
  sendJson(res, reply.status, reply.body, headers)
  recordRequest(core, trace, reply.status, reply.status < 400 ? "answered" : "rejected")
}

function planFaults(core: SandboxCore, method: string, url: URL): FaultPlan {
  const { pathname, searchParams } = url
  if (core.faults.takeHang(method, pathname, searchParams)) {
    return { hang: true, drop: false, fail: null, chaos: null }
  }
  const drop = core.faults.takeDrop(method, pathname, searchParams)
  const fail = core.faults.takeFail(method, pathname, searchParams) ?? null
  const chaos = drop || fail ? null : core.faults.drawChaos()
  return { hang: false, drop: drop || chaos?.kind === "drop", fail: fail ?? chaosFailure(chaos), chaos }
}

function chaosFailure(hit: ChaosHit | null): FaultReply | null {
  if (hit?.kind !== "5xx" && hit?.kind !== "429") return null
  const status = hit.kind === "5xx" ? hit.status : 429
  return { status, code: defaultFaultCode(status), message: `Sandbox chaos: HTTP ${status}` }
}

async function produceReply(core: SandboxCore, request: ApiRequest): Promise<ApiReply> {
  const { method, url, body } = request
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

function faultReply(fault: FaultReply): ApiReply {
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
