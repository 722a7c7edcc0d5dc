import { Context, Logger } from "@medusajs/framework/types"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
import {
  AlertState,
  BALANCE_ACCOUNT,
  BalanceReading,
  markBalanceAlert,
  MirroredBalance,
  MirroredCost,
  PackageCostReading,
  PackageCostSource,
  upsertBalance,
  toMirroredBalance,
  toMirroredCosts,
  upsertPackageCosts,
} from "./money"
import { CatalogueSyncTracker } from "./catalogue"
import { EsimDelivery } from "./models/esim-delivery"
import { EsimOrder } from "./models/esim-order"
import { EsimProfile } from "./models/esim-profile"
import { EsimflyBalance } from "./models/esimfly-balance"
import { EsimflyPackageCost } from "./models/esimfly-package-cost"
import { EsimflyWebhookEvent } from "./models/esimfly-webhook-event"
import { EsimflyWebhookState } from "./models/esimfly-webhook-state"
import { EsimTopUp } from "./models/esim-top-up"
import { currentWebhookSecret, WebhookStateChange, writeWebhookState } from "./lifecycle"
import { CancelableEsimOrder, cancelEsimOrder, EsimOrderCancelOutcome } from "./cancel"
import { EsimModuleOptions, pollDelayMs } from "./options"
import type { EsimProfileRow } from "./models/esim-profile"
import { applyUsageReadings, refreshUsage, UsageReading, UsageRefresh } from "./usage"
import {
  BuyableEsimOrder,
  buyEsimOrder,
  EsimOrderRunner,
  listOrphanOrders,
  OrphanReport,
  OrphanWindow,
  ProfileRow,
  PurchaseResult,
  settleUnknownOutcome,
  storeProfiles,
} from "./purchase"

type InjectedDependencies = {
  logger: Logger
  esimModuleOptions: EsimModuleOptions
}

/** Owns the plugin's eSIM data and the one esimfly client of the process. */
export default class EsimModuleService extends MedusaService({
  EsimOrder,
  EsimProfile,
  EsimDelivery,
  EsimflyBalance,
  EsimflyPackageCost,
  EsimflyWebhookEvent,
  EsimflyWebhookState,
  EsimTopUp,
}) {
  protected readonly options_: EsimModuleOptions
  protected readonly client_: EsimflyClient
  protected readonly catalogueSync_ = new CatalogueSyncTracker()
  readonly alerts = new AlertState()

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = dependencies.esimModuleOptions
    this.client_ = new EsimflyClient({
      ...this.options_,
      logger: {
        debug: (message) => dependencies.logger.debug(message),
        warn: (message) => dependencies.logger.warn(message),
      },
    })
  }

  getClient(): EsimflyClient {
    return this.client_
  }

  /** Reads the balance from esimfly now and mirrors it; never call it in a shopper's request. */
  async refreshEsimflyBalance(source: "refresh" | "admin"): Promise<MirroredBalance> {
    const read = await this.client_.getBalance()
    await this.recordEsimflyBalance({ amount: read.balance, currency: read.currency, read_at: new Date(), source })
    return (await this.readEsimflyBalance()) as MirroredBalance
  }

  /** The catalogue sync's progress and last result, kept in memory for the admin. */
  getCatalogueSync(): CatalogueSyncTracker {
    return this.catalogueSync_
  }

  getOptions(): EsimModuleOptions {
    return this.options_
  }

  /** When a pending order should next be polled, after `pollCount` polls. */
  nextPollAt(pollCount: number, now: Date): Date {
    return new Date(now.getTime() + pollDelayMs(this.options_, pollCount))
  }

  /**
   * Runs one guarded SQL write of a capability (a claim or an upsert: `claimTopUp`, `claimForPurchase`,
   * `claimEsimMirror`, `claimWebhookEvent`, `storeWebhookDelivery`) with the module's entity manager.
   */
  @InjectManager()
  async runEsimSql<T>(write: (manager: SqlEntityManager) => Promise<T>, @MedusaContext() context: Context = {}) {
    return write(context.manager as SqlEntityManager)
  }

  /** Records a cancel on the selected eSIM orders at once, keeping the first time it was asked for. */
  async requestEsimOrdersCancel(
    selector: { order_id: string; line_item_id?: string[]; id?: string[] },
    at: Date
  ): Promise<void> {
    await this.updateEsimOrders({
      selector: { ...selector, cancel_requested_at: null },
      data: { cancel_requested_at: at },
    })
  }

  /** Records a balance esimfly reported, unless a newer report is already mirrored. */
  recordEsimflyBalance(reading: BalanceReading): Promise<void> {
    return this.runEsimSql((manager) => upsertBalance(manager, reading))
  }

  /** The mirrored esimfly balance, or null before esimfly was ever read. */
  async readEsimflyBalance(): Promise<MirroredBalance | null> {
    const [row] = await this.listEsimflyBalances({ account: BALANCE_ACCOUNT })
    return row ? toMirroredBalance(row) : null
  }

  /** The mirrored costs of these packages; a code never looked up is absent. */
  async readPackageCosts(codes: string[]): Promise<Map<string, MirroredCost>> {
    const rows = codes.length ? await this.listEsimflyPackageCosts({ package_code: [...new Set(codes)] }) : []
    return toMirroredCosts(rows)
  }

  /** Sets whether the admins were told of a low balance; true only for the one call that changed it. */
  markEsimflyBalanceAlert(low: boolean): Promise<boolean> {
    return this.runEsimSql((manager) => markBalanceAlert(manager, low))
  }

  /** Records what esimfly charges per package, keeping newer readings. */
  recordPackageCosts(readings: PackageCostReading[], source: PackageCostSource, at: Date): Promise<void> {
    return this.runEsimSql((manager) => upsertPackageCosts(manager, readings, source, at))
  }

  /** Buys one eSIM order with exactly one create-order; null when another run claimed it first or a cancel came. */
  buyEsimOrder(esimOrder: BuyableEsimOrder, by?: EsimOrderRunner): Promise<PurchaseResult | null> {
    return buyEsimOrder(this, esimOrder, by)
  }

  /** Settles an eSIM order whose create-order answer was lost: adopts what esimfly holds, or frees it to buy. */
  settleUnknownOutcome(esimOrder: Parameters<typeof settleUnknownOutcome>[1]): ReturnType<typeof settleUnknownOutcome> {
    return settleUnknownOutcome(this, esimOrder)
  }

  /** Stores delivered eSIMs once: a replayed order returns ICCIDs that are already stored. */
  storeEsimProfiles(rows: ProfileRow[]): Promise<void> {
    return storeProfiles(this, rows)
  }

  /** Cancels one eSIM order (at esimfly when bought) and writes the outcome on it. */
  cancelEsimOrder(esimOrder: CancelableEsimOrder): Promise<EsimOrderCancelOutcome> {
    return cancelEsimOrder(this, esimOrder)
  }

  /** esimfly orders in the window that no eSIM order of the store claims. */
  listOrphanOrders(window: OrphanWindow): Promise<OrphanReport> {
    return listOrphanOrders(this, window)
  }

  /** The secret esimfly signs webhooks with: the one "Connect webhooks" stored, else the `webhookSecret` option. */
  webhookSecret(): Promise<string | null> {
    return currentWebhookSecret(this, this.options_.webhookSecret)
  }

  /** Writes a refused signature, a stored event or a new connection on the one webhook state row. */
  recordEsimflyWebhookState(change: WebhookStateChange): Promise<void> {
    return this.runEsimSql((manager) => writeWebhookState(manager, change))
  }

  /** Writes usage readings on the eSIMs they name; returns the ICCIDs whose mirror changed. */
  applyUsageReadings(readings: UsageReading[]): Promise<string[]> {
    return applyUsageReadings(this, readings)
  }

  /** One usage query for one eSIM unless its mirror is inside the cache window; never throws for esimfly. */
  refreshEsimUsage(profile: EsimProfileRow, now: Date): Promise<UsageRefresh> {
    return refreshUsage(this, profile, now)
  }
}
