import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    it("boots the app with the plugin and answers /health", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })

    it("registers the esimfly fulfillment provider as esimfly_esimfly", async () => {
      const fulfillment = getContainer().resolve(Modules.FULFILLMENT)
      const providers = await fulfillment.listFulfillmentProviders({ id: ["esimfly_esimfly"] })
      expect(providers).toEqual([expect.objectContaining({ id: "esimfly_esimfly", is_enabled: true })])
    })

    it("reaches the sandbox through the module's signed client", async () => {
      const esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      const balance = await esim.getClient().getBalance()
      expect(balance).toEqual({ balance: 1000, currency: "USD" })
      const requests = sandbox.current().ledger().requests
      expect(requests.at(-1)).toEqual(expect.objectContaining({ path: "/api/v1/business/balance", status: 200 }))
    })
  },
})
