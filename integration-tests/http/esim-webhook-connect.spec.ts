import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import { WEBHOOK_EVENTS_USED } from "../../src/modules/esim/lifecycle"
import EsimModuleService from "../../src/modules/esim/service"
import { adminHeaders, createAdminToken, placeEsimOrder, seedEsimStore } from "../fixtures/esim-store"
import { captureServerLog, withAccessLog } from "../fixtures/server-log"
import { waitUntil } from "../fixtures/wait"
import { deliverWebhook, freePort } from "../fixtures/webhooks"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS = "3600000"
process.env.ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS = "3600000"

const sandbox = useSandbox({ allowHttpWebhooks: true, webhookTimeFactor: 0.001 })

const NETWORK = "TR-1GB-7D"
let port = 0
withAccessLog()

// Before the app boots: fix its port and make it the backend URL "Connect webhooks" falls back to.
beforeAll(async () => {
  port = await freePort()
  process.env.PORT = String(port)
  process.env.MEDUSA_BACKEND_URL = `http://localhost:${port}`
  delete process.env.ESIMFLY_WEBHOOK_SECRET
})

afterAll(() => {
  delete process.env.PORT
  delete process.env.MEDUSA_BACKEND_URL
})

type WebhookStatus = Record<string, unknown> & { failed_signatures: number }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let esim: EsimModuleService
    let headers: { headers: Record<string, string> }
    const lenient = { validateStatus: () => true }

    beforeEach(async () => {
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      headers = adminHeaders(await createAdminToken(getContainer()))
    })

    const connect = async () => {
      const answer = await api.post("/admin/esimfly/webhooks/connect", {}, { ...headers, ...lenient })
      expect(answer.status).toBe(200)
      return answer.data as { webhooks: WebhookStatus }
    }
    const status = async () => (await api.get("/admin/esimfly/webhooks", headers)).data as { webhooks: WebhookStatus }
    const storedSecret = async () => (await esim.listEsimflyWebhookStates({ account: "default" }))[0]?.secret ?? ""

    it("connects the webhook to the backend URL with the events used, stores the secret, and no response or log line shows it", async () => {
      expect((await status()).webhooks).toMatchObject({ connected: false, source: null, failed_signatures: 0 })
      let answers = ""
      const log = await captureServerLog(getContainer().resolve(ContainerRegistrationKeys.LOGGER), async () => {
        answers += JSON.stringify(await connect())
        answers += JSON.stringify(await status())
      })
      const secret = await storedSecret()
      expect(secret).toMatch(/^whsec_/)
      expect(answers).not.toContain(secret)
      expect(log).toContain("/admin/esimfly/webhooks/connect")
      expect(log).not.toContain(secret)

      const url = `http://localhost:${port}/hooks/esimfly`
      expect((await status()).webhooks).toMatchObject({ connected: true, source: "connected", url })
      expect((await status()).webhooks.events).toEqual(WEBHOOK_EVENTS_USED)
      const atEsimfly = await esim.getClient().getWebhook()
      expect(atEsimfly).toMatchObject({ url, events: WEBHOOK_EVENTS_USED })
    })

    it("verifies an install the sandbox delivers with the stored secret, applies it, shows it as the last event, and lists purchase, delivery and event on the eSIM's timeline", async () => {
      await connect()
      const seed = await seedEsimStore(getContainer(), { packageCodes: [NETWORK] })
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: NETWORK, quantity: 1 }], {
        email: "connect@esim.test",
      })
      const [profile] = await esim.listEsimProfiles({ order_id: order.id })
      await waitUntil(async () => (await esim.listEsimDeliveries({ order_id: order.id })).length === 1, "delivered")
      sandbox.current().installEsim(profile.iccid)
      const installed = { iccid: profile.iccid, event: "esim.installed", status: "processed" as const }
      await waitUntil(async () => (await esim.listEsimflyWebhookEvents(installed)).length === 1, "install applied")

      const { webhooks } = await status()
      expect(["esim.installed", "esim.status.changed"]).toContain(webhooks.last_event)
      expect(webhooks.last_event_at).toEqual(expect.any(String))
      expect(webhooks.failed_signatures).toBe(0)

      const { data } = await api.get(`/admin/esims/${profile.iccid}`, headers)
      expect(data.esim).toMatchObject({ iccid: profile.iccid, lifecycle_status: "active" })
      const timeline = data.esim.timeline as { kind: string; title: string; status: string }[]
      expect(timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(["purchase", "delivery", "event"]))
      expect(timeline).toContainEqual(expect.objectContaining({ kind: "event", title: "esim.installed" }))
      const times = (data.esim.timeline as { at: string }[]).map((entry) => Date.parse(entry.at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
    })

    it("rotates the secret on reconnect: a delivery signed with the old one is refused 401, stored nowhere and counted", async () => {
      await connect()
      const old = await storedSecret()
      const before = (await status()).webhooks.failed_signatures
      const { webhooks } = await connect()
      const rotated = await storedSecret()
      expect(rotated).not.toBe(old)
      expect(JSON.stringify(webhooks)).not.toContain(rotated)

      const body = {
        event: "esim.status.changed",
        timestamp: new Date().toISOString(),
        data: { iccid: "8988000000000000999" },
      }
      expect((await deliverWebhook(port, body, old, "wh-old-secret")).status).toBe(401)
      expect(await esim.listEsimflyWebhookEvents({ webhook_id: "wh-old-secret" })).toEqual([])
      const after = (await status()).webhooks
      expect(after.failed_signatures).toBe(before + 1)
      expect(after.last_failed_signature_at).toEqual(expect.any(String))
      expect((await deliverWebhook(port, body, rotated, "wh-new-secret")).status).toBe(200)
    })

    it("answers 400 naming webhookUrl when neither the option nor the backend URL is an absolute URL", async () => {
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const saved = config.admin.backendUrl
      config.admin.backendUrl = "/"
      try {
        const answer = await api.post("/admin/esimfly/webhooks/connect", {}, { ...headers, ...lenient })
        expect(answer.status).toBe(400)
        expect(answer.data.message).toContain('"webhookUrl"')
      } finally {
        config.admin.backendUrl = saved
      }
    })

    it("maps an esimfly outage on connect to a 500 naming esimfly, keeping the stored secret", async () => {
      await connect()
      const secret = await storedSecret()
      sandbox.current().faults.failNext({ status: 503, path: "/webhooks", method: "PUT" })
      const answer = await api.post("/admin/esimfly/webhooks/connect", {}, { ...headers, ...lenient })
      expect(answer.status).toBe(500)
      expect(answer.data.message).toContain("esimfly is unavailable")
      expect(await storedSecret()).toBe(secret)
    })

    it("answers 404 naming an unknown ICCID on the eSIM route", async () => {
      const answer = await api.get("/admin/esims/8988000000000000404", { ...headers, ...lenient })
      expect(answer.status).toBe(404)
      expect(answer.data.message).toBe("eSIM 8988000000000000404 was not found")
    })

    it("answers 401 without an admin to the webhook status, connect and eSIM routes", async () => {
      expect((await api.get("/admin/esimfly/webhooks", lenient)).status).toBe(401)
      expect((await api.post("/admin/esimfly/webhooks/connect", {}, lenient)).status).toBe(401)
      expect((await api.get("/admin/esims/8988000000000000404", lenient)).status).toBe(401)
    })
  },
})
