import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's checkoutUrl option", () => {
  it("is optional, and kept trimmed when given", () => {
    expect(parseEsimModuleOptions(valid).checkoutUrl).toBeUndefined()
    expect(
      parseEsimModuleOptions({ ...valid, checkoutUrl: " https://shop.example/checkout?cart={cart_id} " }).checkoutUrl
    ).toBe("https://shop.example/checkout?cart={cart_id}")
  })

  it.each([
    "https://shop.example/checkout",
    "http://shop.example/checkout/{cart_id}",
    "javascript:alert(1)//{cart_id}",
    "/checkout/{cart_id}",
    42,
  ])("stops start-up on %p, naming the option", async (checkoutUrl) => {
    await expect(load({ ...valid, checkoutUrl })).rejects.toThrow(
      'esimfly: option "checkoutUrl" must be an https URL containing {cart_id}'
    )
  })
})
