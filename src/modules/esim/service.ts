import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
import { BalanceCache, CachedBalance } from "./balance-cache"
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

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = dependencies.esimModuleOptions
    this.balanceCache_ = new BalanceCache(this.options_.balanceCacheTtlMs)
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
  async getBalance(): Promise<CachedBalance> {
    return this.balanceCache_.get(() => this.client_.getBalance())
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
