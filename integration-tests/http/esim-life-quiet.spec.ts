import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { useSandboxWebhooks } from "../fixtures/esimfly-webhooks"
import { placeEsimOrder, seedEsimStore } from "../fixtures/esim-store"
import { waitUntil } from "../fixtures/wait"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS = "3600000"
process.env.ESIMFLY_USAGE_SYNC_INTERVAL_MS = "0"
process.env.ESIMFLY_NOTIFY_USAGE_LOW = "false"

const sandbox = useSandbox({ allowHttpWebhooks: true, webhookTimeFactor: 0.001 })
useSandboxWebhooks(() => sandbox.current())

afterAll(() => {
  delete process.env.ESIMFLY_NOTIFY_USAGE_LOW
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    it("with notifyUsageLow: false, sends no esim-usage-low email for crossed thresholds but still updates the data mirror", async () => {
      const seed = await seedEsimStore(getContainer(), { packageCodes: ["TR-1GB-7D"] })
      const esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: "TR-1GB-7D", quantity: 1 }], {
        email: "quiet@esim.test",
      })
      const [{ iccid }] = await esim.listEsimProfiles({ order_id: order.id })
      sandbox.current().installEsim(iccid)
      sandbox.current().useData(iccid, 974)
      await sandbox.current().settleWebhooks()
      const processed = () =>
        esim.listEsimflyWebhookEvents({ iccid, event: "esim.usage.threshold", status: "processed" })
      await waitUntil(async () => (await processed()).length === 4, "the four threshold events are processed")
      expect((await esim.listEsimProfiles({ iccid }))[0]).toMatchObject({ remaining_mb: 50 })
      const sent = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: "quiet@esim.test" })
      expect(sent.filter((n) => n.template === "esim-usage-low")).toEqual([])
    })
  },
})
