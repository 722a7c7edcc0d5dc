import { ChaosConfig, ChaosHit, ChaosSnapshot, parseChaos, SandboxChaos } from "./chaos"
import { assertRateLimit, isCount } from "./options"
import { pathMatches } from "./paths"
import { SandboxRateLimiter } from "./rate-limit"
import { RateLimitConfig } from "./types"
import { WebhookFault, WebhookFaultQueue, WebhookFaultRule } from "./webhook-faults"

/** Which API calls a fault applies to: the next `count` (default 1), optionally by path/method. */
export interface FaultMatch {
  count?: number
  /**
   * Full ("/api/v1/business/balance") or relative to the API base ("/balance"). Without a
   * query it matches any query string; "/esims/packages?page=2" is the same as `query`.
   */
  path?: string
  /** Query parameters the call must carry, e.g. `{ page: "2" }`; others may be present too. */
  query?: Record<string, string | number>
  /** GET and POST share /esims/order, so a method can narrow the match. */
  method?: string
}

export interface FailNextFault extends FaultMatch {
  status: number
  code?: string
  message?: string
}

export interface FaultRule {
  remaining: number
  path: string | null
  method: string | null
  query: Record<string, string> | null
}

/** The error answer of an injected failure. */
export interface FaultReply {
  status: number
  code: string
  message: string
}

export interface FailRule extends FaultRule, FaultReply {}

/** The next `count` (default 1) orders deliver `missing` (default 1) fewer eSIMs than ordered. */
export interface ShortOrderFault {
  count?: number
  missing?: number
}

export interface ShortRule {
  remaining: number
  missing: number
}

export interface FaultSnapshot {
  latencyMs: number
  failNext: FailRule[]
  hangNext: FaultRule[]
  dropReplyNext: FaultRule[]
  rateLimit: RateLimitConfig
  stayPending: string[]
  shortNext: ShortRule[]
  /** The chaos setting with its counts, or null when off. */
  chaos: ChaosSnapshot | null
  webhookNext: WebhookFaultRule[]
}

/** The fault switches of a running sandbox (object API; the control routes call the same). */
export interface SandboxFaults {
  setLatency(ms: number): void
  failNext(fault: FailNextFault): void
  hangNext(fault?: FaultMatch): void
  dropReplyNext(fault?: FaultMatch): void
  setRateLimit(config: RateLimitConfig | null): void
  stayPending(packageCode: string): void
  /** The next orders are charged in full but hold fewer eSIMs, in the answer and in every status check. */
  shortNext(fault?: ShortOrderFault): void
  /** Random latency, 5xx, 429 and dropped replies on a share of API calls; null turns it off. */
  setChaos(config: ChaosConfig | null): void
  /** The next webhook deliveries are duplicated, held back behind the next one, dropped or signed wrong. */
  webhookNext(fault: WebhookFault): void
  reset(): void
  snapshot(): FaultSnapshot
}

const DEFAULT_CODES: Record<number, string> = {
  429: "RATE_LIMIT_EXCEEDED",
  500: "SYSTEM_ERROR",
  502: "PROVIDER_ERROR",
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
}

/** The code an injected failure answers with when none is given. */
export function defaultFaultCode(status: number): string {
  return DEFAULT_CODES[status] ?? "SANDBOX_FAULT"
}

export class SandboxFaultBook implements SandboxFaults {
  latencyMs: number
  private fails: FailRule[] = []
  private hangs: FaultRule[] = []
  private drops: FaultRule[] = []
  private shorts: ShortRule[] = []
  private readonly pendingCodes = new Set<string>()
  private chaos: SandboxChaos | null
  readonly webhooks = new WebhookFaultQueue()

  constructor(
    private readonly initialLatencyMs: number,
    private readonly limiter: SandboxRateLimiter,
    private readonly initialChaos: Required<ChaosConfig> | null = null
  ) {
    this.latencyMs = initialLatencyMs
    this.chaos = initialChaos && new SandboxChaos(initialChaos)
  }

  setLatency(ms: number): void {
    if (typeof ms !== "number" || !(ms >= 0)) throw new Error("latencyMs must be a number ≥ 0")
    this.latencyMs = ms
  }

  failNext(fault: FailNextFault): void {
    const status = fault?.status
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new Error("failNext.status must be an HTTP error status (400-599)")
    }
    const code = fault.code ?? defaultFaultCode(status)
    const message = fault.message ?? `Sandbox fault: HTTP ${status}`
    this.fails.push({ ...toRule(fault, "failNext"), status, code, message })
  }

  hangNext(fault: FaultMatch = {}): void {
    this.hangs.push(toRule(fault, "hangNext"))
  }

  dropReplyNext(fault: FaultMatch = {}): void {
    this.drops.push(toRule(fault, "dropReplyNext"))
  }

  setRateLimit(config: RateLimitConfig | null): void {
    if (config !== null) assertRateLimit(config, "rateLimit")
    this.limiter.configure(config)
  }

  stayPending(packageCode: string): void {
    if (typeof packageCode !== "string" || packageCode === "") {
      throw new Error("stayPending needs a package code")
    }
    this.pendingCodes.add(packageCode)
  }

  shortNext(fault: ShortOrderFault = {}): void {
    const count = fault?.count ?? 1
    const missing = fault?.missing ?? 1
    if (!isCount(count) || count < 1) throw new Error("shortNext.count must be an integer ≥ 1")
    if (!isCount(missing) || missing < 1) throw new Error("shortNext.missing must be an integer ≥ 1")
    this.shorts.push({ remaining: count, missing })
  }

  /** eSIMs the next committed order leaves out (0 without a shortNext fault); claims one use. */
  takeShort(): number {
    const rule = this.shorts[0]
    if (!rule) return 0
    rule.remaining--
    if (rule.remaining === 0) this.shorts.shift()
    return rule.missing
  }

  setChaos(config: ChaosConfig | null): void {
    this.chaos = config === null ? null : new SandboxChaos(parseChaos(config))
  }

  /** One draw per API call that no queued fault claimed; null when chaos is off or missed. */
  drawChaos(): ChaosHit | null {
    return this.chaos?.draw() ?? null
  }

  webhookNext(fault: WebhookFault): void {
    this.webhooks.add(fault)
  }

  staysPending(packageCode: string): boolean {
    return this.pendingCodes.has(packageCode)
  }

  reset(): void {
    this.latencyMs = this.initialLatencyMs
    this.fails = []
    this.hangs = []
    this.drops = []
    this.shorts = []
    this.pendingCodes.clear()
    this.webhooks.clear()
    this.limiter.reset()
    // The starting setting again (off unless the sandbox was created with chaos), from its seed.
    this.chaos = this.initialChaos && new SandboxChaos(this.initialChaos)
  }

  snapshot(): FaultSnapshot {
    return {
      latencyMs: this.latencyMs,
      failNext: this.fails.map((rule) => ({ ...rule })),
      hangNext: this.hangs.map((rule) => ({ ...rule })),
      dropReplyNext: this.drops.map((rule) => ({ ...rule })),
      rateLimit: this.limiter.current(),
      stayPending: [...this.pendingCodes],
      shortNext: this.shorts.map((rule) => ({ ...rule })),
      chaos: this.chaos?.snapshot() ?? null,
      webhookNext: this.webhooks.snapshot(),
    }
  }

  takeHang(method: string, pathname: string, query?: URLSearchParams): boolean {
    return take(this.hangs, method, pathname, query) !== undefined
  }

  takeFail(method: string, pathname: string, query?: URLSearchParams): FailRule | undefined {
    return take(this.fails, method, pathname, query)
  }

  takeDrop(method: string, pathname: string, query?: URLSearchParams): boolean {
    return take(this.drops, method, pathname, query) !== undefined
  }
}

function toRule(fault: FaultMatch, name: string): FaultRule {
  const count = fault?.count ?? 1
  if (!isCount(count) || count < 1) throw new Error(`${name}.count must be an integer ≥ 1`)
  if (fault.path !== undefined && typeof fault.path !== "string") {
    throw new Error(`${name}.path must be a string`)
  }
  if (fault.method !== undefined && typeof fault.method !== "string") {
    throw new Error(`${name}.method must be a string`)
  }
  const [path, search] = fault.path?.split("?") ?? [null, undefined]
  const query = { ...Object.fromEntries(new URLSearchParams(search ?? "")), ...queryOf(fault.query, name) }
  const method = fault.method?.toUpperCase() ?? null
  return { remaining: count, path: path || null, method, query: Object.keys(query).length ? query : null }
}

function queryOf(query: unknown, name: string): Record<string, string> {
  if (query === undefined) return {}
  const entries = typeof query === "object" && query !== null && !Array.isArray(query) ? Object.entries(query) : null
  if (!entries || entries.some(([, value]) => typeof value !== "string" && typeof value !== "number")) {
    throw new Error(`${name}.query must be an object of strings, e.g. { "page": "2" }`)
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]))
}

function queryMatches(rule: FaultRule, query: URLSearchParams | undefined): boolean {
  return Object.entries(rule.query ?? {}).every(([key, value]) => query?.get(key) === value)
}

/** Claims one use of the first matching rule, dropping rules that are used up. */
function take<T extends FaultRule>(
  rules: T[],
  method: string,
  pathname: string,
  query?: URLSearchParams
): T | undefined {
  const index = rules.findIndex(
    (rule) =>
      (rule.path === null || pathMatches(rule.path, pathname)) &&
      (rule.method === null || rule.method === method) &&
      queryMatches(rule, query)
  )
  if (index === -1) return undefined
  const rule = rules[index]
  rule.remaining--
  if (rule.remaining === 0) rules.splice(index, 1)
  return rule
}
