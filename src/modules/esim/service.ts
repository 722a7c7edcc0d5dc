import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
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
