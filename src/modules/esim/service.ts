import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
import { AlertState } from "./alert-state"
import { BalanceCache, CachedBalance } from "./balance-cache"
import { CatalogueSyncTracker } from "./catalogue-sync-status"
import { PackageCostCache } from "./package-cost-cache"
import { EsimDelivery } from "./models/esim-delivery"
import { EsimOrder } from "./models/esim-order"
import { EsimProfile } from "./models/esim-profile"
import { EsimModuleOptions, pollDelayMs } from "./options"

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

  getBaseUrl(): string {
    return this.options_.baseUrl
  }
}
