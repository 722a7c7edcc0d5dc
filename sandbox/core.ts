import { buildCatalogue, CataloguePackage } from "./catalogue"
import { SandboxFaultBook } from "./faults"
import { toMinor } from "./money"
import { resolveOptions } from "./options"
import { SandboxRateLimiter } from "./rate-limit"
import { createState, SandboxState } from "./state"
import { ApiReply, ResolvedOptions, SandboxOptions } from "./types"
import { createWebhookRuntime, WebhookRuntime } from "./webhook-runtime"

/** The shared insides of one sandbox, handed to every route. */
export interface SandboxCore {
  options: ResolvedOptions
  catalogue: CataloguePackage[]
  /** Changed at run time by setPackageCost/removePackage; reset() rebuilds it. */
  packagesByCode: Map<string, CataloguePackage>
  /** Removed packages, so orders placed before the removal can still be looked up. */
  retired: Map<string, CataloguePackage>
  state: SandboxState
  faults: SandboxFaultBook
  limiter: SandboxRateLimiter
  now: () => number
  /** Aborted on close, so latency sleeps end with the server. */
  closing: AbortController
  webhooks: WebhookRuntime
}

export function createCore(input?: SandboxOptions): SandboxCore {
  const options = resolveOptions(input)
  const catalogue = buildCatalogue()
  const limiter = new SandboxRateLimiter(options.rateLimit, options.now)
  return {
    options,
    catalogue,
    packagesByCode: new Map(catalogue.map((pkg) => [pkg.code, pkg])),
    retired: new Map(),
    state: createState(toMinor(options.balance, options.currency)),
    faults: new SandboxFaultBook(options.latencyMs, limiter, options.chaos),
    limiter,
    now: options.now,
    closing: new AbortController(),
    webhooks: createWebhookRuntime(),
  }
}

/** What an authenticated API route gets. */
export interface RouteContext {
  core: SandboxCore
  body: Buffer
  query: URLSearchParams
  requestId: string
  /** Waits the configured latency (once per request); the server calls it if the route did not. */
  pause: () => Promise<void>
}

export type RouteHandler = (ctx: RouteContext) => ApiReply | Promise<ApiReply>
