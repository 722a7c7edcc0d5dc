import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's webhookUrl option", () => {
  it("is optional, and kept trimmed when given", () => {
    expect(parseEsimModuleOptions(valid).webhookUrl).toBeUndefined()
    expect(parseEsimModuleOptions({ ...valid, webhookUrl: " https://shop.example " }).webhookUrl).toBe(
      "https://shop.example"
    )
  })

  it("takes http only on localhost or 127.0.0.1, as the sandbox does", () => {
    expect(parseEsimModuleOptions({ ...valid, webhookUrl: "http://localhost:9000" }).webhookUrl).toBe(
      "http://localhost:9000"
    )
    expect(parseEsimModuleOptions({ ...valid, webhookUrl: "http://127.0.0.1:9000" }).webhookUrl).toBe(
      "http://127.0.0.1:9000"
    )
  })

  it.each(["http://shop.example", "ftp://shop.example", "shop.example", "https://user:pw@shop.example", 42])(
    "stops start-up on %p, naming the option",
    async (webhookUrl) => {
      await expect(load({ ...valid, webhookUrl })).rejects.toThrow('esimfly: option "webhookUrl" must be an https URL')
    }
  )
})
