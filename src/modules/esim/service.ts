import { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { EsimflyClient } from "../../lib/esimfly"
import { EsimModuleOptions } from "./options"

type InjectedDependencies = {
  logger: Logger
  esimModuleOptions: EsimModuleOptions
}

/** Owns the plugin's eSIM data and the one esimfly client of the process. */
export default class EsimModuleService extends MedusaService({}) {
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

  getBaseUrl(): string {
    return this.options_.baseUrl
  }
}
