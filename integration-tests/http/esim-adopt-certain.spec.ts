import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { EsimflyClient } from "../../src/lib/esimfly"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderHistory } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { reconcileEsimOrdersWorkflow } from "../../src/workflows/reconcile-esim-orders"
import { placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const PACKAGE = "TR1GB7D"
const ledgerOrders = () => sandbox.current().ledger().orders
const eventsOf = (esimOrder: { history: unknown }) => (esimOrder.history as EsimOrderHistory).events
/** Past the create-order timeout (3 s in tests) and the default 2-minute grace. */
const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()

/** Another buyer on the same esimfly account (its dashboard, or another store): a signed create-order with its own key. */
function foreignBuyer() {
  const { accessCode, secretKey } = sandbox.current()
  const client = new EsimflyClient({ accessCode, secretKey, baseUrl: process.env.ESIMFLY_BASE_URL ?? "" })
  return (quantity: number) =>
    client.createOrder({ packageCode: PACKAGE, quantity, idempotencyKey: `dashboard-${Date.now()}` })
}

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

    /** An order whose create-order never reached esimfly (hung, no side effect): its outcome is unknown to the store. */
    async function lostPurchase(quantity: number) {
      sandbox.current().faults.hangNext({ path: "/esims/order", method: "POST" })
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: PACKAGE, quantity }])
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({ status: "needs_attention", error_code: "ORDER_OUTCOME_UNKNOWN" })
      return { order, esimOrderId: esimOrder.id }
    }

    async function expectOwnOrderBought(
      orderId: string,
      esimOrderId: string,
      foreignReference: string,
      quantity: number
    ) {
      const { result } = await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })
      expect(result.settled).toEqual([{ id: esimOrderId, status: "completed" }])
      const esimOrder = await esim.retrieveEsimOrder(esimOrderId)
      expect(esimOrder.esimfly_order_reference).not.toBe(foreignReference)
      const own = ledgerOrders().find((o) => o.idempotencyKey === esimOrder.idempotency_key)
      expect(own).toMatchObject({ quantity })
      expect(esimOrder.esimfly_order_reference).toBe(own?.orderReference)
      const asked = eventsOf(esimOrder).find((event) => event.type === "ask_by_key")
      expect(asked?.message).toContain(foreignReference)
      expect(eventsOf(esimOrder).map((event) => event.type)).not.toContain("adopted")
      const profiles = await esim.listEsimProfiles({ order_id: orderId })
      const foreignIccids = ledgerOrders()
        .find((o) => o.orderReference === foreignReference)
        ?.esims.map((e) => e.iccid)
      expect(profiles).toHaveLength(quantity)
      expect(profiles.filter((profile) => foreignIccids?.includes(profile.iccid))).toEqual([])
    }

    it("never adopts a foreign order of the same package with another quantity: asks by key and buys the eSIM order's own", async () => {
      const { order, esimOrderId } = await lostPurchase(2)
      const foreign = await foreignBuyer()(1)
      expect(ledgerOrders()).toHaveLength(1)

      await expectOwnOrderBought(order.id, esimOrderId, foreign.orderReference, 2)
      expect(ledgerOrders()).toHaveLength(2)
    })

    it("never adopts a foreign order of the same package and quantity made before the eSIM order's first attempt", async () => {
      const foreign = await foreignBuyer()(1)
      const { order, esimOrderId } = await lostPurchase(1)
      expect(ledgerOrders()).toHaveLength(1)

      await expectOwnOrderBought(order.id, esimOrderId, foreign.orderReference, 1)
      expect(ledgerOrders()).toHaveLength(2)
    })
  },
})
