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
  readonly #options: EsimModuleOptions
  readonly #client: EsimflyClient

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.#options = dependencies.esimModuleOptions
    this.#client = new EsimflyClient({
      ...this.#options,
      logger: {
        debug: (message) => dependencies.logger.debug(message),
        warn: (message) => dependencies.logger.warn(message),
      },
    })
  }

  getClient(): EsimflyClient {
    return this.#client
  }

  getBaseUrl(): string {
    return this.#options.baseUrl
  }
}
