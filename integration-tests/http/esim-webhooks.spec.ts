import { createHmac, randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import { WEBHOOK_MAX_ATTEMPTS } from "../../src/modules/esim/lifecycle"
import EsimModuleService from "../../src/modules/esim/service"
import { processEsimflyWebhookWorkflow } from "../../src/workflows/process-esimfly-webhook"
import { placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { useSandboxWebhooks } from "../fixtures/esimfly-webhooks"
import { waitUntil } from "../fixtures/wait"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS = "3600000"
process.env.ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS = "3600000"

const sandbox = useSandbox({ allowHttpWebhooks: true, webhookTimeFactor: 0.001 })
useSandboxWebhooks(() => sandbox.current())

const NETWORK = "TR-1GB-7D"
const SLOW = "TR-1GB-7D-SLOW"

/** Where useSandboxWebhooks put the app's receiver, and the secret it handed the app. */
const receiverUrl = () => `http://localhost:${process.env.PORT}/hooks/esimfly`
const webhookSecret = () => process.env.ESIMFLY_WEBHOOK_SECRET ?? ""

/** Posts a delivery as esimfly would, signed with `key` (the configured secret by default). */
async function deliver(body: object | string, id = randomUUID(), key = webhookSecret()) {
  const raw = typeof body === "string" ? body : JSON.stringify(body)
  const signature = "sha256=" + createHmac("sha256", key).update(raw).digest("hex")
  const answer = await fetch(receiverUrl(), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Webhook-Id": id, "X-Webhook-Signature": signature },
    body: raw,
  })
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> }
}

const statusChanged = (iccid: string, newStatus: string) => ({
  event: "esim.status.changed",
  timestamp: new Date().toISOString(),
  data: { iccid, new_status: newStatus, changed_at: new Date().toISOString() },
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      seed = await seedEsimStore(getContainer(), { packageCodes: [NETWORK, SLOW] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const buy = async (code: string, email: string) => {
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code, quantity: 1 }], { email })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id }, { relations: ["esims"] })
      return { order, esimOrder }
    }
    const profileOf = async (iccid: string) => (await esim.listEsimProfiles({ iccid }))[0]
    const eventsOf = (filters: Record<string, unknown>) => esim.listEsimflyWebhookEvents(filters)

    it("answers 401 to a delivery signed with another secret and stores nothing", async () => {
      const answer = await deliver(statusChanged("8988000000000000001", "ACTIVE"), "wh-bad", "whsec_wrong")
      expect(answer).toEqual({ status: 401, body: { message: "invalid webhook signature" } })
      expect(await eventsOf({})).toEqual([])
    })

    it("stores a replayed X-Webhook-Id once and answers the replay 200 with duplicate: true", async () => {
      const body = statusChanged("8988000000000000002", "ACTIVE")
      expect(await deliver(body, "wh-replayed")).toEqual({ status: 200, body: { received: true } })
      expect(await deliver(body, "wh-replayed")).toEqual({ status: 200, body: { received: true, duplicate: true } })
      const rows = await eventsOf({ webhook_id: "wh-replayed" })
      expect(rows).toHaveLength(1)
      await waitUntil(async () => (await eventsOf({ id: rows[0].id }))[0].attempts > 0, "the event was processed")
      expect((await eventsOf({ id: rows[0].id }))[0].attempts).toBe(1)
    })

    it("stores an authentic body that is not JSON as failed with the reason, and answers 200", async () => {
      expect(await deliver("not json", "wh-unreadable")).toEqual({ status: 200, body: { received: true } })
      const [row] = await eventsOf({ webhook_id: "wh-unreadable" })
      expect(row).toMatchObject({ status: "failed", error: "body is not a JSON object", body: null })
    })

    it("marks a bought eSIM active with its install time when the sandbox device installs it (esim.installed)", async () => {
      const { esimOrder } = await buy(NETWORK, "install@esim.test")
      const iccid = esimOrder.esims[0].iccid
      sandbox.current().installEsim(iccid)
      await waitUntil(async () => (await profileOf(iccid)).lifecycle_status === "active", "the eSIM is active")
      expect((await profileOf(iccid)).installed_at).toBeInstanceOf(Date)
      await waitUntil(
        async () => (await eventsOf({ iccid, event: "esim.installed", status: "processed" })).length === 1,
        "esim.installed processed"
      )
    })

    it("keeps a depleted eSIM depleted when esim.status.changed to ACTIVE arrives after DEPLETED", async () => {
      const { esimOrder } = await buy(NETWORK, "deplete@esim.test")
      const iccid = esimOrder.esims[0].iccid
      sandbox.current().installEsim(iccid)
      sandbox.current().depleteEsim(iccid)
      await waitUntil(async () => (await profileOf(iccid)).lifecycle_status === "depleted", "the eSIM is depleted")
      await deliver(statusChanged(iccid, "ACTIVE"), "wh-late-active")
      await waitUntil(
        async () => (await eventsOf({ webhook_id: "wh-late-active" }))[0]?.status === "processed",
        "the late event was processed"
      )
      expect((await profileOf(iccid)).lifecycle_status).toBe("depleted")
    })

    it("keeps an event for an unknown ICCID waiting, then applies it once the eSIM is stored", async () => {
      const { esimOrder } = await buy(NETWORK, "race@esim.test")
      const iccid = "8988000000000099991"
      await deliver({ event: "esim.installed", timestamp: new Date().toISOString(), data: { iccid } }, "wh-early")
      await waitUntil(
        async () => (await eventsOf({ webhook_id: "wh-early" }))[0]?.status === "waiting",
        "the event waits"
      )
      const [waiting] = await eventsOf({ webhook_id: "wh-early" })
      expect(waiting).toMatchObject({ attempts: 1, next_attempt_at: expect.any(Date) })
      const { order_id, line_item_id, package_code } = esimOrder
      await esim.createEsimProfiles({ iccid, order_id, line_item_id, package_code, esim_order_id: esimOrder.id })
      const later = new Date(waiting.next_attempt_at!.getTime() + 1000).toISOString()
      await processEsimflyWebhookWorkflow(getContainer()).run({ input: { now: later } })
      expect((await eventsOf({ webhook_id: "wh-early" }))[0]).toMatchObject({ status: "processed", attempts: 2 })
      expect((await profileOf(iccid)).lifecycle_status).toBe("active")
    })

    it("marks an event whose eSIM never appears failed after the last try, with the reason", async () => {
      const iccid = "8988000000000099992"
      await deliver({ event: "esim.installed", timestamp: new Date().toISOString(), data: { iccid } }, "wh-never")
      await waitUntil(
        async () => (await eventsOf({ webhook_id: "wh-never" }))[0]?.status === "waiting",
        "the event waits"
      )
      let clock = Date.now()
      for (let tries = 2; tries <= WEBHOOK_MAX_ATTEMPTS; tries++) {
        clock += 2 * 60 * 60 * 1000
        await processEsimflyWebhookWorkflow(getContainer()).run({ input: { now: new Date(clock).toISOString() } })
      }
      expect((await eventsOf({ webhook_id: "wh-never" }))[0]).toMatchObject({
        status: "failed",
        attempts: WEBHOOK_MAX_ATTEMPTS,
        next_attempt_at: null,
        error: `no stored eSIM for this event yet (try ${WEBHOOK_MAX_ATTEMPTS} of ${WEBHOOK_MAX_ATTEMPTS})`,
      })
    })

    it("settles a pending purchase when esim.provisioned arrives, with the polling job idle", async () => {
      const { esimOrder } = await buy(SLOW, "slow@esim.test")
      expect(esimOrder.status).toBe("pending_details")
      sandbox.current().setOrderStatus(esimOrder.esimfly_order_reference!, "completed")
      const settled = async () => (await esim.listEsimOrders({ id: esimOrder.id }))[0].status === "completed"
      await waitUntil(settled, "the pending eSIM order is completed")
      expect(await esim.listEsimProfiles({ esim_order_id: esimOrder.id })).toHaveLength(1)
      expect(await eventsOf({ event: "esim.provisioned", status: "processed" })).toHaveLength(1)
    })
  },
})
