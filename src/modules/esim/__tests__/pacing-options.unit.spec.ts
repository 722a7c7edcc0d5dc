import { loadOptions as load, validOptions as valid } from "./support/load-options"
import { parseEsimModuleOptions } from "../options"

describe("the module's pacing options", () => {
  it("paces by default and waits at most two minutes for a slot", () => {
    expect(parseEsimModuleOptions(valid)).toMatchObject({ rateLimitPacing: true, rateLimitMaxWaitMs: 120000 })
    expect(parseEsimModuleOptions({ ...valid, rateLimitPacing: "false", rateLimitMaxWaitMs: "0" })).toMatchObject({
      rateLimitPacing: false,
      rateLimitMaxWaitMs: 0,
    })
  })

  it.each([
    [{ rateLimitPacing: "sometimes" }, 'esimfly: option "rateLimitPacing" must be true or false'],
    [{ rateLimitMaxWaitMs: 3600001 }, 'esimfly: option "rateLimitMaxWaitMs" must be an integer between 0 and 3600000'],
  ])("stops start-up on %j, naming the option", async (bad, message) => {
    await expect(load({ ...valid, ...bad })).rejects.toThrow(message)
  })
})
