import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's usage options", () => {
  it("default to a 5-minute usage cache and both alerts on", () => {
    expect(parseEsimModuleOptions(valid)).toMatchObject({
      usageCacheMs: 300000,
      notifyUsageLow: true,
      notifyExpiring: true,
    })
  })

  it("take the alerts off from strings, as env vars give them", () => {
    const options = parseEsimModuleOptions({ ...valid, notifyUsageLow: "false", notifyExpiring: "false" })
    expect(options).toMatchObject({ notifyUsageLow: false, notifyExpiring: false })
  })

  it("stop start-up on a usage cache under 5 minutes, naming the option", async () => {
    await expect(load({ ...valid, usageCacheMs: 60000 })).rejects.toThrow(
      'esimfly: option "usageCacheMs" must be an integer between 300000 and 86400000'
    )
  })
})
