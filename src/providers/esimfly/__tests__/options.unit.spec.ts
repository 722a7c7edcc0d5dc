import { Logger } from "@medusajs/framework/types"
import EsimflyFulfillmentService, { ESIM_FULFILLMENT_OPTION_ID } from "../service"

const logger = {} as Logger

describe("the esimfly fulfillment provider's options", () => {
  it("starts without options: it never calls esimfly", async () => {
    const provider = new EsimflyFulfillmentService({ logger })
    expect(await provider.getFulfillmentOptions()).toEqual([
      expect.objectContaining({ id: ESIM_FULFILLMENT_OPTION_ID }),
    ])
  })

  it("has no options validator, so a config that still passes the esimfly credentials (or none) loads", () => {
    expect((EsimflyFulfillmentService as { validateOptions?: unknown }).validateOptions).toBeUndefined()
  })
})
