import { removePackage, setPackageCost } from "./catalogue-control"
import { createCore } from "./core"
import { SandboxFaults } from "./faults"
import { depleteEsim, expireEsim, installEsim, useData } from "./device"
import { usageView } from "./esim-views"
import { buildLedger } from "./ledger"
import { resetSandbox, setBalance, setEsimState, setOrderStatus } from "./operations"
import { packageWire, PackageWire } from "./packages"
import { API_BASE, CONTROL_BASE } from "./paths"
import { closeServer, createSandboxServer, listenOn } from "./server"
import { Currency, OrderStatus, SandboxLedger, SandboxOptions, SettableEsimState } from "./types"
import { settleWebhooks, stopWebhooks } from "./webhook-runtime"

export type {
  Currency,
  EsimState,
  LedgerCancellation,
  LedgerDelivery,
  LedgerDeliveryAttempt,
  LedgerEsim,
  LedgerTopup,
  LedgerOrder,
  OrderStatus,
  PendingShape,
  RateLimitConfig,
  RequestOutcome,
  RequestRecord,
  SandboxLedger,
  SandboxOptions,
  SettableEsimState,
} from "./types"
export type { ChaosConfig, ChaosKind, ChaosSnapshot } from "./chaos"
export type { FailNextFault, FaultMatch, FaultReply, FaultRule, FailRule, FaultSnapshot, SandboxFaults } from "./faults"
export type { PackageWire } from "./packages"
export type { WebhookEvent, WebhookFaultKind } from "./after-sale-types"
export type { WebhookFault } from "./webhook-faults"
export { WEBHOOK_EVENTS } from "./after-sale-types"
export { PARTNER_PACKAGES } from "./esim-life"
export { API_BASE, CONTROL_BASE } from "./paths"

export interface SandboxAddress {
  port: number
  /** The client's baseUrl: http://localhost:<port>/api/v1/business */
  url: string
  /** http://localhost:<port>/__sandbox */
  controlUrl: string
}

/** A running (or ready to run) esimfly simulator. */
export interface Sandbox {
  readonly accessCode: string
  readonly secretKey: string
  readonly personalAccessCode: string
  readonly currency: Currency
  readonly faults: SandboxFaults
  listen(port?: number, host?: string): Promise<SandboxAddress>
  /** Stops the server and ends every open socket, hung ones included. */
  close(): Promise<void>
  ledger(): SandboxLedger
  /** In major units of the account currency. */
  setBalance(amount: number): void
  setOrderStatus(orderReference: string, status: OrderStatus): void
  /** Marks an eSIM installed or used, so POST /esims/cancel refuses it. */
  setEsimState(iccid: string, state: SettableEsimState): void
  /** Changes a package's cost (major units of the account currency) for listings and new orders. */
  setPackageCost(packageCode: string, cost: number): void
  /** Takes a package off the catalogue: no longer listed, and ordering it answers INVALID_PACKAGE. */
  removePackage(packageCode: string): void
  /** Clears orders, requests and faults and restores the opening balance and the catalogue. */
  reset(): void
  /** The catalogue exactly as GET /esims/packages lists it. */
  packages(): PackageWire[]
  /** A device installs the eSIM (NEW → ACTIVE); answers its GET /esims/usage/query view. */
  installEsim(iccid: string): Record<string, unknown>
  /** The device uses `mb` MB; crossing 500/200/100/50 MB left is reported once each, 0 left is DEPLETED. */
  useData(iccid: string, mb: number): Record<string, unknown>
  /** Uses up what is left (DEPLETED). */
  depleteEsim(iccid: string): Record<string, unknown>
  /** The validity ends (EXPIRED). */
  expireEsim(iccid: string): Record<string, unknown>
  /** Resolves once no webhook delivery is being sent or waits for a retry (held deliveries excepted). */
  settleWebhooks(): Promise<void>
}

/** Creates an esimfly business API simulator; call listen() to serve it. */
export function createSandbox(options?: SandboxOptions): Sandbox {
  const core = createCore(options)
  const server = createSandboxServer(core)
  const { accessCode, secretKey, personalAccessCode, currency } = core.options
  return {
    accessCode,
    secretKey,
    personalAccessCode,
    currency,
    faults: core.faults,
    listen: async (port = 0, host = "127.0.0.1") => {
      if (core.closing.signal.aborted) core.closing = new AbortController()
      return addressOf(await listenOn(server, port, host))
    },
    close: () => {
      core.closing.abort()
      stopWebhooks(core.webhooks)
      return closeServer(server)
    },
    ledger: () => buildLedger(core),
    setBalance: (amount) => void setBalance(core, amount),
    setOrderStatus: (orderReference, status) => setOrderStatus(core, orderReference, status),
    setEsimState: (iccid, state) => setEsimState(core, iccid, state),
    setPackageCost: (packageCode, cost) => void setPackageCost(core, packageCode, cost),
    removePackage: (packageCode) => removePackage(core, packageCode),
    reset: () => resetSandbox(core),
    packages: () => core.catalogue.map((pkg) => packageWire(pkg, currency)),
    installEsim: (iccid) => usageView(core, installEsim(core, iccid)),
    useData: (iccid, mb) => usageView(core, useData(core, iccid, mb)),
    depleteEsim: (iccid) => usageView(core, depleteEsim(core, iccid)),
    expireEsim: (iccid) => usageView(core, expireEsim(core, iccid)),
    settleWebhooks: () => settleWebhooks(core.webhooks),
  }
}

function addressOf(port: number): SandboxAddress {
  const origin = `http://localhost:${port}`
  return { port, url: origin + API_BASE, controlUrl: origin + CONTROL_BASE }
}
