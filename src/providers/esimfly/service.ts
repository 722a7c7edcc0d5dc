import { CreateFulfillmentResult, FulfillmentOption, Logger } from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService } from "@medusajs/framework/utils"
import { toFulfillmentData } from "./fulfillment-data"

export const ESIM_FULFILLMENT_OPTION_ID = "esimfly-digital-delivery"

type InjectedDependencies = {
  logger: Logger
}

/**
 * Delivers eSIMs as Medusa fulfillments. It buys nothing: the purchase lives in the
 * purchase workflow, where it is made idempotent, and a rollback here must never
 * "un-buy" an eSIM. It takes no options: it never calls esimfly, so options a config
 * still passes (the esimfly credentials of older READMEs) are ignored.
 */
export default class EsimflyFulfillmentService extends AbstractFulfillmentProviderService {
  static identifier = "esimfly"

  protected readonly logger_: Logger

  constructor({ logger }: InjectedDependencies) {
    super()
    this.logger_ = logger
  }

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return [{ id: ESIM_FULFILLMENT_OPTION_ID, name: "eSIM delivered instantly (email + account)" }]
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return data.id === ESIM_FULFILLMENT_OPTION_ID
  }

  /** The shopper's `data` is stored on the shipping method; the eSIM option reads no key of it, so none is kept. */
  async validateFulfillmentData(): Promise<Record<string, unknown>> {
    return {}
  }

  async canCalculate(): Promise<boolean> {
    return false
  }

  async createFulfillment(
    _data: Record<string, unknown>,
    _items: object[],
    _order: object | undefined,
    _fulfillment: Record<string, unknown>,
    additionalData?: Record<string, unknown>
  ): Promise<CreateFulfillmentResult> {
    return { data: toFulfillmentData(additionalData), labels: [] }
  }

  async cancelFulfillment(): Promise<Record<string, unknown>> {
    return {}
  }

  async createReturnFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: { delivery: "esim" }, labels: [] }
  }
}
