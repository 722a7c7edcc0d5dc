import { IncomingMessage, ServerResponse } from "node:http"
import { EsimLife } from "./after-sale-types"
import { ChaosConfig } from "./chaos"
import { SandboxCore } from "./core"
import { FailNextFault, FaultMatch, SandboxFaults, ShortOrderFault } from "./faults"
import { readBody, sendJson } from "./http-io"
import { applyPackagePatch } from "./catalogue-control"
import { depleteEsim, expireEsim, installEsim, useData } from "./device"
import { usageView } from "./esim-views"
import { buildLedger } from "./ledger"
import { resetSandbox, setBalance, setEsimState, setOrderStatus } from "./operations"
import { CONTROL_BASE } from "./paths"
import { RateLimitConfig } from "./types"
import { WebhookFault } from "./webhook-faults"

type ControlHandler = (core: SandboxCore, body: Record<string, unknown>) => unknown

const usageOf = (core: SandboxCore, life: EsimLife) => usageView(core, life)

const FAULT_KEYS = [
  "latencyMs",
  "failNext",
  "hangNext",
  "dropReplyNext",
  "rateLimit",
  "stayPending",
  "shortNext",
  "chaos",
  "webhookNext",
]

const CONTROL_ROUTES = new Map<string, ControlHandler>([
  ["GET /ledger", (core) => buildLedger(core)],
  ["GET /faults", (core) => core.faults.snapshot()],
  ["POST /faults", (core, body) => applyFaultPatch(core.faults, body)],
  ["POST /balance", (core, body) => setBalance(core, body.amount)],
  ["POST /packages", (core, body) => applyPackagePatch(core, body)],
  ["POST /reset", (core) => (resetSandbox(core), { reset: true })],
  ["POST /order-status", (core, body) => (setOrderStatus(core, body.orderReference, body.status), buildLedger(core))],
  ["POST /esim-state", (core, body) => (setEsimState(core, body.iccid, body.state), buildLedger(core))],
  ["POST /device/install", (core, body) => usageOf(core, installEsim(core, body.iccid))],
  ["POST /device/use", (core, body) => usageOf(core, useData(core, body.iccid, body.mb))],
  ["POST /device/deplete", (core, body) => usageOf(core, depleteEsim(core, body.iccid))],
  ["POST /device/expire", (core, body) => usageOf(core, expireEsim(core, body.iccid))],
])

/** The unauthenticated /__sandbox routes used by tests and the demo. */
export async function handleControl(
  core: SandboxCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> {
  const key = `${req.method} ${url.pathname.slice(CONTROL_BASE.length).replace(/\/+$/, "")}`
  const handler = CONTROL_ROUTES.get(key)
  const raw = await readBody(req)
  if (!handler) {
    const routes = [...CONTROL_ROUTES.keys()].map((route) => route.replace(" ", ` ${CONTROL_BASE}`))
    return sendJson(res, 404, { error: `No control route ${req.method} ${url.pathname}`, routes })
  }
  const body = parseControlBody(raw)
  if (body === null) return sendJson(res, 400, { error: "body must be a JSON object" })
  try {
    sendJson(res, 200, handler(core, body))
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) })
  }
}

function parseControlBody(raw: Buffer | null): Record<string, unknown> | null {
  if (raw === null) return null
  if (raw.length === 0) return {}
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"))
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** Applies { latencyMs?, failNext?, hangNext?, dropReplyNext?, rateLimit?, stayPending?, shortNext?, chaos?, webhookNext? }. */
export function applyFaultPatch(faults: SandboxFaults, patch: Record<string, unknown>): unknown {
  const unknown = Object.keys(patch).filter((key) => !FAULT_KEYS.includes(key))
  if (unknown.length > 0) {
    throw new Error(`unknown fault ${unknown.join(", ")}; use ${FAULT_KEYS.join(", ")}`)
  }
  if (patch.latencyMs !== undefined) faults.setLatency(patch.latencyMs as number)
  listOf(patch.failNext).forEach((fault) => faults.failNext(fault as FailNextFault))
  listOf(patch.hangNext).forEach((fault) => faults.hangNext(fault as FaultMatch))
  listOf(patch.dropReplyNext).forEach((fault) => faults.dropReplyNext(fault as FaultMatch))
  if (patch.rateLimit !== undefined) faults.setRateLimit(patch.rateLimit as RateLimitConfig | null)
  listOf(patch.stayPending).forEach((code) => faults.stayPending(code as string))
  listOf(patch.shortNext).forEach((fault) => faults.shortNext(fault as ShortOrderFault))
  if (patch.chaos !== undefined) faults.setChaos(patch.chaos as ChaosConfig | null)
  listOf(patch.webhookNext).forEach((fault) => faults.webhookNext(fault as WebhookFault))
  return faults.snapshot()
}

function listOf(value: unknown): unknown[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}
