import { Logger } from "@medusajs/framework/types"
import EsimflyFulfillmentService, { ESIM_FULFILLMENT_OPTION_ID } from "../service"

const logger = { debug: jest.fn(), warn: jest.fn(), info: jest.fn(), error: jest.fn() } as unknown as Logger
const service = new EsimflyFulfillmentService({ logger }, { accessCode: "esf_access", secretKey: "sk_provider_test" })

describe("EsimflyFulfillmentService.validateFulfillmentData", () => {
  it("stores none of the shopper's shipping-method data: the eSIM option has no shopper-set field", async () => {
    const shopper = {
      id: ESIM_FULFILLMENT_OPTION_ID,
      __proto__x: 1,
      note: "<script>",
      huge: "x".repeat(100000),
      nested: { a: { b: 1 } },
    }
    await expect(service.validateFulfillmentData({ id: ESIM_FULFILLMENT_OPTION_ID }, shopper)).resolves.toEqual({})
  })
})
