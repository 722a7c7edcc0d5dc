import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from ".."
import { processWebhookEvent } from "../lifecycle"
import type EsimModuleService from "../service"

jest.setTimeout(60 * 1000)

const ICCID = "8988000000000000017"

moduleIntegrationTestRunner<EsimModuleService>({
  moduleName: ESIM_MODULE,
  resolve: "./src/modules/esim",
  pathToMigrations: "./src/modules/esim/migrations",
  moduleOptions: {
    accessCode: "esf_module_test",
    secretKey: "sk_module_test",
    baseUrl: "http://localhost:4010/api/v1/business",
  },
  testSuite: ({ service }) => {
    const storeEsimAndEvent = async () => {
      const [esimOrder] = await service.createEsimOrders([
        {
          order_id: "order_1",
          line_item_id: "line_1",
          batch: 0,
          quantity: 1,
          package_code: "TR-1GB-7D",
          idempotency_key: "order_1:line_1:0",
        },
      ])
      await service.createEsimProfiles({
        iccid: ICCID,
        order_id: "order_1",
        line_item_id: "line_1",
        package_code: "TR-1GB-7D",
        esim_order_id: esimOrder.id,
      })
      const now = new Date().toISOString()
      const body = {
        event: "esim.status.changed",
        timestamp: now,
        data: { iccid: ICCID, new_status: "ACTIVE", changed_at: now },
      }
      const [event] = await service.createEsimflyWebhookEvents([
        { webhook_id: "wh-claimed", event: "esim.status.changed", iccid: ICCID, body, received_at: new Date() },
      ])
      return event
    }

    it("applies a webhook event once when two runs (the subscriber and the retry job) process it at the same time", async () => {
      const event = await storeEsimAndEvent()
      let applied = 0
      const counting = new Proxy(service, {
        get: (target, key) => {
          const value = Reflect.get(target, key)
          if (key !== "updateEsimProfiles" || typeof value !== "function") {
            return typeof value === "function" ? value.bind(target) : value
          }
          return (...args: unknown[]) => {
            applied += 1
            return value.apply(target, args)
          }
        },
      })
      const now = new Date()
      await Promise.all([processWebhookEvent(counting, event, now), processWebhookEvent(counting, event, now)])
      expect(applied).toBe(1)
      const [stored] = await service.listEsimflyWebhookEvents({ id: event.id })
      expect(stored).toMatchObject({ status: "processed", attempts: 1 })
      expect((await service.listEsimProfiles({ iccid: ICCID }))[0].lifecycle_status).toBe("active")
    })
  },
})
