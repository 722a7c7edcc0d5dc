import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderHistory } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { esimOrderLockKey, purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import { resendEsimDeliveryWorkflow } from "../../src/workflows/resend-esim-delivery"
import { checkoutEsimCart, seedEsimStore, SeededEsimStore, waitForEvent } from "../fixtures/esim-store"
import { waitUntil } from "../fixtures/wait"
import { useSandbox } from "../helpers/sandbox-env"

// QR codes are a stub here: they cost ~0.5 s each under jest (see helpers/qr-stub.ts).
jest.mock("qrcode", () => jest.requireActual("../helpers/qr-stub"))

jest.setTimeout(10 * 60 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
// The order lock lapses while a purchase still waits on esimfly.
process.env.ESIMFLY_ORDER_LOCK_TTL_S = "1"
const sandbox = useSandbox()

const CODES = ["TR1GB7D", "EU-5GB-30D"]
const createOrderCalls = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
const eventTypes = (esimOrder: { history: unknown }) =>
  (esimOrder.history as EsimOrderHistory).events.map((event) => event.type)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: CODES })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const lines = () => CODES.map((code) => ({ variantId: seed.esimProducts[code].variant.id, quantity: 1 }))
    const run = (orderId: string) =>
      purchaseEsimsWorkflow(getContainer()).run({ input: { order_id: orderId }, throwOnError: false })

    /** Checks out two one-eSIM lines and, while the first batch's create-order is on its way, races it. */
    async function raceOneOrder(email: string, dropLock: boolean) {
      const placed = waitForEvent(getContainer(), "order.placed", { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, { email, lines: lines() })
      await waitUntil(
        async () => (await esim.listEsimOrders({ order_id: order.id })).some((i) => i.status === "purchasing"),
        "a batch is purchasing"
      )
      if (dropLock) {
        // As if the lock's ttl ran out: the locking provider forgets it.
        await getContainer().resolve(Modules.LOCKING).release(esimOrderLockKey(order.id))
      }
      await Promise.all([run(order.id), run(order.id), placed])
      return order
    }

    it("runs racing one order after its lock lapsed send exactly one create-order per batch and interrupt nothing", async () => {
      sandbox.current().faults.setLatency(1200)
      const order = await raceOneOrder("race@esim.test", true)

      const esimOrders = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrders.map((esimOrder) => esimOrder.status)).toEqual(["completed", "completed"])
      expect(createOrderCalls()).toHaveLength(2)
      expect(new Set(createOrderCalls().map((call) => call.requestId)).size).toBe(2)
      for (const esimOrder of esimOrders) {
        expect(eventTypes(esimOrder).filter((type) => type === "purchasing")).toHaveLength(1)
        expect(eventTypes(esimOrder)).not.toContain("needs_attention")
      }
    })

    it("a resend waits for the order's lock and sends once the purchase holding it lets go", async () => {
      const placed = waitForEvent(getContainer(), "order.placed", { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, { email: "resend@esim.test", lines: lines().slice(0, 1) })
      await placed
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      const sent = async () =>
        (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: "resend@esim.test" })).length
      expect(await sent()).toBe(1)
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(esimOrderLockKey(order.id), { ownerId: "running-purchase", expire: 30 })

      let done = false
      const resending = resendEsimDeliveryWorkflow(getContainer())
        .run({ input: { id: esimOrder.id } })
        .finally(() => (done = true))
      // Long enough for an unlocked resend to finish even on a loaded machine.
      await new Promise((resolve) => setTimeout(resolve, 8000))
      expect(done).toBe(false)
      expect(await sent()).toBe(1)
      await locking.release(esimOrderLockKey(order.id), { ownerId: "running-purchase" })
      await resending
      expect(await sent()).toBe(2)
    })

    it("50 races with a 1 s lock ttl and a slow esimfly send exactly one create-order per batch", async () => {
      sandbox.current().faults.setLatency(700)
      const orders: string[] = []
      for (let round = 0; round < 50; round++) {
        orders.push((await raceOneOrder(`soak-${round}@esim.test`, round % 2 === 0)).id)
      }
      const esimOrders = await esim.listEsimOrders({ order_id: orders }, { take: null })
      expect(esimOrders).toHaveLength(100)
      expect(esimOrders.filter((esimOrder) => esimOrder.status !== "completed")).toEqual([])
      expect(createOrderCalls()).toHaveLength(100)
      expect(
        new Set(
          sandbox
            .current()
            .ledger()
            .orders.map((o) => o.idempotencyKey)
        ).size
      ).toBe(100)
    })
  },
})
