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
import {
  claimWebhookEvent,
  currentWebhookSecret,
  NewWebhookEvent,
  storeWebhookDelivery,
  WebhookStateChange,
  writeWebhookState,
} from "./lifecycle"
import { claimTopUp, TopUpClaim } from "./top-up"
import { CancelableEsimOrder, cancelEsimOrder, EsimOrderCancelOutcome } from "./cancel"
import { EsimModuleOptions, pollDelayMs } from "./options"
import type { EsimProfileRow } from "./models/esim-profile"
import { applyUsageReadings, claimEsimMirror, EsimMirrorClaim, refreshUsage, UsageReading, UsageRefresh } from "./usage"
import {
  BuyableEsimOrder,
  buyEsimOrder,
  EsimOrderRunner,
  listOrphanOrders,
  OrphanReport,
  OrphanWindow,
  ProfileRow,
  claimForPurchase,
  PurchaseClaim,
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

  /** Claims a `pending` eSIM order for one create-order; exactly one of any number of racing runs wins. */
  @InjectManager()
  async claimEsimOrderForPurchase(id: string, claim: PurchaseClaim, @MedusaContext() context: Context = {}) {
    return claimForPurchase(context.manager as SqlEntityManager, id, claim)
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
  @InjectManager()
  async recordEsimflyBalance(reading: BalanceReading, @MedusaContext() context: Context = {}): Promise<void> {
    await upsertBalance(context.manager as SqlEntityManager, reading)
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
  @InjectManager()
  async markEsimflyBalanceAlert(low: boolean, @MedusaContext() context: Context = {}): Promise<boolean> {
    return markBalanceAlert(context.manager as SqlEntityManager, low)
  }

  /** Records what esimfly charges per package, keeping newer readings. */
  @InjectManager()
  async recordPackageCosts(
    readings: PackageCostReading[],
    source: PackageCostSource,
    at: Date,
    @MedusaContext() context: Context = {}
  ) {
    await upsertPackageCosts(context.manager as SqlEntityManager, readings, source, at)
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

  /** Stores a webhook delivery once per `X-Webhook-Id` (then it is the last event received); null for a replay. */
  @InjectManager()
  async recordEsimflyWebhook(row: NewWebhookEvent, @MedusaContext() context: Context = {}): Promise<string | null> {
    return storeWebhookDelivery(context.manager as SqlEntityManager, row)
  }

  /** Claims a stored webhook event for one run; its attempt number, or null when another run has it. */
  @InjectManager()
  async claimEsimflyWebhookEvent(id: string, now: Date, @MedusaContext() context: Context = {}) {
    return claimWebhookEvent(context.manager as SqlEntityManager, id, now)
  }

  /** Writes a refused signature, a stored event or a new connection on the one webhook state row. */
  @InjectManager()
  async recordEsimflyWebhookState(change: WebhookStateChange, @MedusaContext() context: Context = {}): Promise<void> {
    await writeWebhookState(context.manager as SqlEntityManager, change)
  }

  /** Writes usage readings on the eSIMs they name; returns the ICCIDs whose mirror changed. */
  applyUsageReadings(readings: UsageReading[]): Promise<string[]> {
    return applyUsageReadings(this, readings)
  }

  /** One usage query for one eSIM unless its mirror is inside the cache window; never throws for esimfly. */
  refreshEsimUsage(profile: EsimProfileRow, now: Date): Promise<UsageRefresh> {
    return refreshUsage(this, profile, now)
  }

  /** A guarded write on one eSIM's mirror or alerts; true only for the caller whose write happened. */
  @InjectManager()
  async claimEsimMirror(claim: EsimMirrorClaim, @MedusaContext() context: Context = {}): Promise<boolean> {
    return claimEsimMirror(context.manager as SqlEntityManager, claim)
  }

  /** Claims a top-up (to buy it, or to email it) in one guarded update; exactly one racing run wins. */
  @InjectManager()
  async claimEsimTopUp(id: string, claim: TopUpClaim, @MedusaContext() context: Context = {}): Promise<boolean> {
    return claimTopUp(context.manager as SqlEntityManager, id, claim)
  }
}
