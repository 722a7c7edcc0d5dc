import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from ".."
import EsimModuleService from "../service"
import validateOptionsLoader from "../loaders/validate-options"
import { asValue, createContainer } from "@medusajs/framework/awilix"
import { LoaderOptions } from "@medusajs/framework/types"

jest.setTimeout(60 * 1000)

const baseUrl = "http://localhost:4010/api/v1/business"

moduleIntegrationTestRunner<EsimModuleService>({
  moduleName: ESIM_MODULE,
  resolve: "./src/modules/esim",
  moduleOptions: {
    accessCode: "esf_module_test",
    secretKey: "sk_module_test",
    baseUrl: `${baseUrl}/`,
  },
  testSuite: ({ service }) => {
    it("holds one client for the process, built from the validated options", () => {
      expect(service.getClient()).toBe(service.getClient())
      expect(service.getBaseUrl()).toBe(baseUrl)
      expect(JSON.stringify(service.getClient())).not.toContain("sk_module_test")
    })
  },
})

describe("the options loader", () => {
  function load(options: Record<string, unknown>) {
    const container = createContainer()
    container.register("logger", asValue(console))
    return validateOptionsLoader({ container, options } as unknown as LoaderOptions)
  }

  it("stops start-up naming a missing secretKey", async () => {
    await expect(load({ accessCode: "esf_a" })).rejects.toThrow('esimfly: option "secretKey" is required')
  })

  it("stops start-up naming a bad timeout", async () => {
    await expect(load({ accessCode: "a", secretKey: "b", timeoutMs: -1 })).rejects.toThrow('option "timeoutMs"')
  })

  it("applies the defaults once", async () => {
    const container = createContainer()
    await validateOptionsLoader({ container, options: { accessCode: "a", secretKey: "b" } } as unknown as LoaderOptions)
    expect(container.resolve("esimModuleOptions")).toMatchObject({
      baseUrl: "https://esimfly.net/api/v1/business",
      timeoutMs: 15000,
    })
  })
})
