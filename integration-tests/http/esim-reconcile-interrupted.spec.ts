import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderHistory } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { esimOrderLockKey } from "../../src/workflows/purchase-esims"
import { reconcileEsimOrdersWorkflow } from "../../src/workflows/reconcile-esim-orders"
import { placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const ledgerOrders = () => sandbox.current().ledger().orders
const historyLookups = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "GET" && r.path.endsWith("/orders"))
const eventsOf = (esimOrder: { history: unknown }) => (esimOrder.history as EsimOrderHistory).events
/** Past the create-order timeout (3 s in tests) and the default 2-minute grace. */
const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer())
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    /** Places an order whose create-order answer never arrives, then leaves its eSIM order as a crash would: `purchasing`. */
    async function crashedPurchase() {
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: "TR1GB7D", quantity: 1 }])
      const [lost] = await esim.listEsimOrders({ order_id: order.id })
      expect(lost.status).toBe("needs_attention")
      await esim.updateEsimOrders({ id: lost.id, status: "purchasing", error_code: null, error_message: null })
      return { order, esimOrderId: lost.id }
    }

    it("adopts the order esimfly committed for an eSIM order a crash left purchasing", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const { order, esimOrderId } = await crashedPurchase()
      expect(ledgerOrders()).toHaveLength(1)

      const early = await reconcileEsimOrdersWorkflow(getContainer()).run({ input: {} })
      expect(early.result.settled).toEqual([])
      expect((await esim.retrieveEsimOrder(esimOrderId)).status).toBe("purchasing")

      const { result } = await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })
      expect(result.settled).toEqual([{ id: esimOrderId, status: "completed" }])
      const esimOrder = await esim.retrieveEsimOrder(esimOrderId)
      expect(esimOrder).toMatchObject({
        esimfly_order_reference: ledgerOrders()[0].orderReference,
        fulfillment_id: expect.any(String),
      })
      expect(ledgerOrders()).toHaveLength(1)
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(1)
      const types = eventsOf(esimOrder).map((event) => event.code ?? event.type)
      expect(types.slice(-3)).toEqual(["INTERRUPTED", "adopted", "delivered"])
      expect(eventsOf(esimOrder).find((event) => event.code === "INTERRUPTED")?.by).toMatchObject({ pid: process.pid })
    })

    it("buys once an eSIM order a crash left purchasing when esimfly has no order for it", async () => {
      sandbox.current().faults.hangNext({ path: "/esims/order", method: "POST" })
      const { order, esimOrderId } = await crashedPurchase()
      expect(ledgerOrders()).toHaveLength(0)

      const { result } = await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })
      expect(result.settled).toEqual([{ id: esimOrderId, status: "completed" }])
      const again = await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })
      expect(again.result.settled).toEqual([])

      const esimOrder = await esim.retrieveEsimOrder(esimOrderId)
      expect(ledgerOrders()).toHaveLength(1)
      expect(ledgerOrders()[0]).toMatchObject({ idempotencyKey: esimOrder.idempotency_key, quantity: 1 })
      expect(esimOrder).toMatchObject({
        status: "completed",
        esimfly_order_reference: ledgerOrders()[0].orderReference,
      })
      expect(eventsOf(esimOrder).map((event) => event.type)).toContain("rebuy")
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(1)
    })

    it("leaves an eSIM order to the purchase that holds its order's lock", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const { order, esimOrderId } = await crashedPurchase()
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(esimOrderLockKey(order.id), { ownerId: "running-purchase", expire: 60 })

      let done = false
      const reconciling = reconcileEsimOrdersWorkflow(getContainer())
        .run({ input: { now: later() } })
        .finally(() => (done = true))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(done).toBe(false)
      // The running purchase gets its answer and stores it before letting go of the lock.
      const reference = ledgerOrders()[0].orderReference
      await esim.updateEsimOrders({ id: esimOrderId, status: "completed", esimfly_order_reference: reference })
      await locking.release(esimOrderLockKey(order.id), { ownerId: "running-purchase" })

      const { result } = await reconciling
      expect(result.settled).toEqual([{ id: esimOrderId, status: "completed" }])
      const esimOrder = await esim.retrieveEsimOrder(esimOrderId)
      expect(eventsOf(esimOrder).map((event) => event.code ?? event.type)).not.toContain("INTERRUPTED")
      expect(historyLookups()).toHaveLength(0)
      expect(ledgerOrders()).toHaveLength(1)
    })
  },
})
