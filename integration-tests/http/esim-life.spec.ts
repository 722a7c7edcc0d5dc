import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { notifyExpiringEsimsWorkflow } from "../../src/workflows/notify-expiring-esims"
import { syncEsimUsageWorkflow } from "../../src/workflows/sync-esim-usage"
import { useSandboxWebhooks } from "../fixtures/esimfly-webhooks"
import {
  createCustomer,
  placeEsimOrder,
  RequestConfig,
  seedEsimStore,
  SeededEsimStore,
  storeHeaders,
} from "../fixtures/esim-store"
import { waitUntil } from "../fixtures/wait"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180 * 1000)

process.env.ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS = "3600000"
// The fallback job and the expiry check are run by the tests themselves.
process.env.ESIMFLY_USAGE_SYNC_INTERVAL_MS = "0"
process.env.ESIMFLY_EXPIRY_ALERT_INTERVAL_MS = "86400000"

const sandbox = useSandbox({ allowHttpWebhooks: true, webhookTimeFactor: 0.001 })
useSandboxWebhooks(() => sandbox.current())

/** On the eSIMfly network: install and usage events. */
const NETWORK = "TR-1GB-7D"
/** Another provider's package (sandbox README): no install or usage events. */
const PARTNER = "TR1GB7D"
const SIX_MINUTES_MS = 6 * 60 * 1000

type Reply = { status: number; data: Record<string, any> }
type Api = {
  get: (url: string, config: RequestConfig & { validateStatus: () => boolean }) => Promise<Reply>
  post: (url: string, body: object, config: RequestConfig & { validateStatus: () => boolean }) => Promise<Reply>
}

const anyStatus = { validateStatus: () => true }
const ledger = () => sandbox.current().ledger()
const usageQueries = () => ledger().requests.filter((r) => r.path.endsWith("/esims/usage/query")).length

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const http = api as unknown as Api
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      seed = await seedEsimStore(getContainer(), { packageCodes: [NETWORK, PARTNER] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const profileOf = async (iccid: string) => (await esim.listEsimProfiles({ iccid }))[0]
    const sentTo = async (email: string, template: string) =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: email })).filter(
        (n) => n.template === template
      )

    async function buy(code: string, email: string) {
      const customer = await createCustomer(getContainer(), seed, { email })
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code, quantity: 1 }], {
        customerHeaders: customer.headers,
      })
      const [profile] = await esim.listEsimProfiles({ order_id: order.id })
      return { customer, order, iccid: profile.iccid }
    }

    const refresh = (iccid: string, config: RequestConfig) =>
      http.post(`/store/esims/${iccid}/refresh`, {}, { ...config, ...anyStatus })

    it("shows an eSIM installed on the sandbox device as active on GET /store/orders/:id/esims (esim.installed)", async () => {
      const { customer, order, iccid } = await buy(NETWORK, "install-life@esim.test")
      const before = await http.get(`/store/orders/${order.id}/esims`, { ...customer.headers, ...anyStatus })
      expect(before.data.esims[0]).toMatchObject({ status: "new", installed_at: null, data: { remaining_mb: null } })
      sandbox.current().installEsim(iccid)
      await waitUntil(async () => (await profileOf(iccid)).lifecycle_status === "active", "the eSIM is active")
      const after = await http.get(`/store/orders/${order.id}/esims`, { ...customer.headers, ...anyStatus })
      expect(after.data.esims[0]).toMatchObject({ status: "active", installed_at: expect.any(String) })
      expect(after.data.esims[0].expires_at).toEqual(expect.any(String))
    })

    it("emails esim-usage-low exactly once, naming 50 MB, when 974 of 1024 MB are used (duplicated events, a later reading), and shows the sandbox's data left", async () => {
      const { customer, order, iccid } = await buy(NETWORK, "low@esim.test")
      sandbox.current().installEsim(iccid)
      await waitUntil(async () => (await profileOf(iccid)).lifecycle_status === "active", "the eSIM is active")
      sandbox.current().faults.webhookNext({ kind: "duplicate", event: "esim.usage.threshold", count: 4 })
      const used = sandbox.current().useData(iccid, 974) as { data: { remaining_mb: number } }
      await sandbox.current().settleWebhooks()
      await waitUntil(async () => (await sentTo("low@esim.test", "esim-usage-low")).length > 0, "the alert is sent")
      await waitUntil(
        async () =>
          (await esim.listEsimflyWebhookEvents({ iccid, event: "esim.usage.threshold", status: "processed" }))
            .length === 4,
        "the four threshold events are processed"
      )
      const view = await http.get(`/store/orders/${order.id}/esims`, { ...customer.headers, ...anyStatus })
      expect(view.data.esims[0].data).toMatchObject({ remaining_mb: used.data.remaining_mb, unlimited: false })
      expect(used.data.remaining_mb).toBe(50)

      // A later reading (usage query after the window) crosses nothing new.
      sandbox.current().useData(iccid, 10)
      await esim.updateEsimProfiles({
        id: (await profileOf(iccid)).id,
        usage_read_at: new Date(Date.now() - SIX_MINUTES_MS),
      })
      expect((await refresh(iccid, customer.headers)).data).toMatchObject({
        refreshed: true,
        esim: { data: { remaining_mb: 40 } },
      })

      const alerts = await sentTo("low@esim.test", "esim-usage-low")
      expect(alerts.map((n) => n.data)).toEqual([expect.objectContaining({ threshold_mb: 50, iccid })])
      expect((await profileOf(iccid)).usage_alerts_sent).toMatchObject({ thresholds: [500, 200, 100, 50] })
    })

    it("asks esimfly once for two refreshes in the cache window (also when concurrent), again after it; 200 with the mirror when esimfly fails", async () => {
      const { customer, iccid } = await buy(NETWORK, "refresh@esim.test")
      const start = usageQueries()
      const [first, second] = await Promise.all([refresh(iccid, customer.headers), refresh(iccid, customer.headers)])
      expect([first.status, second.status]).toEqual([200, 200])
      expect([first.data.refreshed, second.data.refreshed].sort()).toEqual([false, true])
      expect((await refresh(iccid, customer.headers)).data.refreshed).toBe(false)
      expect(usageQueries() - start).toBe(1)

      const id = (await profileOf(iccid)).id
      await esim.updateEsimProfiles({ id, usage_read_at: new Date(Date.now() - SIX_MINUTES_MS) })
      const third = await refresh(iccid, customer.headers)
      expect({ status: third.status, refreshed: third.data.refreshed }).toEqual({ status: 200, refreshed: true })
      expect(usageQueries() - start).toBe(2)

      await esim.updateEsimProfiles({ id, usage_read_at: new Date(Date.now() - SIX_MINUTES_MS) })
      sandbox.current().faults.failNext({ status: 503, path: "/esims/usage/query", count: 5 })
      const failed = await refresh(iccid, customer.headers)
      sandbox.current().faults.reset()
      expect({ status: failed.status, refreshed: failed.data.refreshed, iccid: failed.data.esim.iccid }).toEqual({
        status: 200,
        refreshed: false,
        iccid,
      })
    })

    it("takes esimfly's 404 to the usage query as final: 200 with the mirror, recorded, and never asked again", async () => {
      const { customer, iccid } = await buy(NETWORK, "gone@esim.test")
      sandbox.current().faults.failNext({ status: 404, path: "/esims/usage/query" })
      const start = usageQueries()
      const gone = await refresh(iccid, customer.headers)
      expect({ status: gone.status, refreshed: gone.data.refreshed }).toEqual({ status: 200, refreshed: false })
      expect((await profileOf(iccid)).usage_not_found_at).toBeInstanceOf(Date)
      await esim.updateEsimProfiles({
        id: (await profileOf(iccid)).id,
        usage_read_at: new Date(Date.now() - SIX_MINUTES_MS),
      })
      expect((await refresh(iccid, customer.headers)).data.refreshed).toBe(false)
      expect(usageQueries() - start).toBe(1)
    })

    it("answers 404 on the refresh route to another customer and to a wrong guest token, without asking esimfly", async () => {
      const { iccid } = await buy(NETWORK, "owner-life@esim.test")
      const other = await createCustomer(getContainer(), seed, { email: "other-life@esim.test" })
      const start = usageQueries()
      expect((await refresh(iccid, other.headers)).status).toBe(404)
      const guest = storeHeaders(seed.publishableKey.token)
      const wrongToken = { headers: { ...guest.headers, "x-esim-access-token": "x".repeat(43) } }
      expect((await refresh(iccid, wrongToken)).status).toBe(404)
      expect(usageQueries() - start).toBe(0)
    })

    it("makes zero esimfly calls for 100 reads of the order and customers/me eSIM routes", async () => {
      const { customer, order } = await buy(NETWORK, "reads@esim.test")
      const start = ledger().requests.filter((r) => !r.path.endsWith("/balance")).length
      for (let i = 0; i < 50; i++) {
        expect((await http.get(`/store/orders/${order.id}/esims`, { ...customer.headers, ...anyStatus })).status).toBe(
          200
        )
        expect((await http.get("/store/customers/me/esims", { ...customer.headers, ...anyStatus })).status).toBe(200)
      }
      expect(ledger().requests.filter((r) => !r.path.endsWith("/balance")).length - start).toBe(0)
    })

    it("updates an eSIM of a provider without events from the fallback job (GET /esims?status=ACTIVE), and emails esim-expiring once", async () => {
      const { iccid } = await buy(PARTNER, "partner@esim.test")
      sandbox.current().installEsim(iccid)
      const used = sandbox.current().useData(iccid, 300) as { data: { remaining_mb: number; used_mb: number } }
      const lists = () => ledger().requests.filter((r) => r.path.endsWith("/esims")).length
      const listsBefore = lists()
      const { result } = await syncEsimUsageWorkflow(getContainer()).run({ input: {} })
      expect(result).toMatchObject({ error: null, skipped: false })
      expect(result.changed).toContain(iccid)
      expect(lists() - listsBefore).toBe(result.pages)
      const synced = await profileOf(iccid)
      expect(synced).toMatchObject({ lifecycle_status: "active", remaining_mb: used.data.remaining_mb, used_mb: 300 })
      expect(synced.expires_at).toBeInstanceOf(Date)

      const dayBefore = new Date(synced.expires_at!.getTime() - 60 * 60 * 1000).toISOString()
      await notifyExpiringEsimsWorkflow(getContainer()).run({ input: { now: dayBefore } })
      await notifyExpiringEsimsWorkflow(getContainer()).run({ input: { now: dayBefore } })
      const expiring = await sentTo("partner@esim.test", "esim-expiring")
      expect(expiring.map((n) => n.data)).toEqual([expect.objectContaining({ iccid })])
    })

    it("records a failed esim-expiring send on the eSIM and logs a warning, and does not send it again", async () => {
      const { iccid } = await buy(NETWORK, "expiry-fail@esim.test")
      sandbox.current().installEsim(iccid)
      await waitUntil(async () => !!(await profileOf(iccid)).expires_at, "the expiry is mirrored")
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      jest.spyOn(notifications, "createNotifications").mockRejectedValueOnce(new Error("no email provider"))
      const logger = getContainer().resolve("logger")
      const warn = jest.spyOn(logger, "warn")
      const dayBefore = new Date((await profileOf(iccid)).expires_at!.getTime() - 60 * 60 * 1000).toISOString()
      const { result } = await notifyExpiringEsimsWorkflow(getContainer()).run({ input: { now: dayBefore } })
      expect(result).toEqual([expect.objectContaining({ iccid, status: "failed", error: "no email provider" })])
      expect((await profileOf(iccid)).usage_alerts_sent).toMatchObject({
        last_failure: { template: "esim-expiring", error: "no email provider" },
      })
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(`the esim-expiring email of eSIM ${iccid} was not sent`)
      )
      await notifyExpiringEsimsWorkflow(getContainer()).run({ input: { now: dayBefore } })
      expect(await sentTo("expiry-fail@esim.test", "esim-expiring")).toEqual([])
      jest.restoreAllMocks()
    })
  },
})
