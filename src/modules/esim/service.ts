import { Context, Logger } from "@medusajs/framework/types"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
import { AlertState } from "./alert-state"
import { BalanceCache, CachedBalance } from "./balance-cache"
import { CatalogueSyncTracker } from "./catalogue-sync-status"
import { PackageCostCache } from "./package-cost-cache"
import { EsimDelivery } from "./models/esim-delivery"
import { EsimOrder } from "./models/esim-order"
import { EsimProfile } from "./models/esim-profile"
import { EsimModuleOptions, pollDelayMs } from "./options"
import { PurchaseClaim } from "./purchase-claim"

type InjectedDependencies = {
  logger: Logger
  esimModuleOptions: EsimModuleOptions
}

/** Owns the plugin's eSIM data and the one esimfly client of the process. */
export default class EsimModuleService extends MedusaService({
  EsimOrder,
  EsimProfile,
  EsimDelivery,
}) {
  protected readonly options_: EsimModuleOptions
  protected readonly client_: EsimflyClient
  protected readonly balanceCache_: BalanceCache
  protected readonly catalogueSync_ = new CatalogueSyncTracker()
  protected readonly costCache_: PackageCostCache
  readonly alerts = new AlertState()

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = dependencies.esimModuleOptions
    this.balanceCache_ = new BalanceCache(this.options_.balanceCacheTtlMs)
    this.costCache_ = new PackageCostCache()
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

  /** The esimfly balance, read at most once per `balanceCacheTtlMs`. */
  async getBalance(options: { fresh?: boolean } = {}): Promise<CachedBalance> {
    if (options.fresh) {
      this.balanceCache_.clear()
    }
    return this.balanceCache_.get(() => this.client_.getBalance())
  }

  /** What esimfly charges for one eSIM of a package, from a short-lived catalogue cache. */
  async getPackageCost(packageCode: string): Promise<{ cost: number; currency: string } | null> {
    return this.costCache_.get(packageCode, (search) => this.client_.listPackages({ search, limit: 100 }))
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
   * Moves one intent from `pending` to `purchasing` in a single guarded update, so that of
   * any number of racing runs exactly one wins, lock or no lock. A cancelled intent is
   * claimed only to replay its own idempotency key (`claim.replay`).
   */
  @InjectManager()
  async claimEsimOrderForPurchase(id: string, claim: PurchaseClaim, @MedusaContext() context: Context = {}): Promise<boolean> {
    const manager = context.manager as SqlEntityManager
    const rows: unknown[] = await manager.execute(
      `update "esim_order" set "status" = 'purchasing', "request_id" = ?, "attempts" = "attempts" + 1,
         "last_attempt_at" = ?, "history" = ?::jsonb, "updated_at" = now()
       where "id" = ? and "status" = 'pending' and "deleted_at" is null and ("cancel_requested_at" is null or ?)
       returning "id"`,
      [claim.request_id, claim.at, JSON.stringify(claim.history), id, claim.replay]
    )
    return rows.length === 1
  }

  /** Records a cancel on the selected intents at once, keeping the first time it was asked for. */
  async requestEsimOrdersCancel(selector: { order_id: string; line_item_id?: string[]; id?: string[] }, at: Date): Promise<void> {
    await this.updateEsimOrders({ selector: { ...selector, cancel_requested_at: null }, data: { cancel_requested_at: at } })
  }

  getBaseUrl(): string {
    return this.options_.baseUrl
  }
}
