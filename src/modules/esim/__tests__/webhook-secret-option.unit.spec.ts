import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's webhookSecret option", () => {
  it("is optional, and kept trimmed when given", () => {
    expect(parseEsimModuleOptions(valid).webhookSecret).toBeUndefined()
    expect(parseEsimModuleOptions({ ...valid, webhookSecret: " whsec_abc " }).webhookSecret).toBe("whsec_abc")
  })

  it("stops start-up on a blank or non-string secret, naming the option and never echoing the value", async () => {
    const error = await load({ ...valid, webhookSecret: 12345678 }).catch((e: Error) => e)
    expect(String(error)).toContain('esimfly: option "webhookSecret" must be a non-empty string')
    expect(String(error)).not.toContain("12345678")
    await expect(load({ ...valid, webhookSecret: "   " })).rejects.toThrow(
      'esimfly: option "webhookSecret" must be a non-empty string'
    )
  })
})
