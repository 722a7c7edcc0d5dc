import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderHistory } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { esimOrderLockKey } from "../../src/workflows/purchase-esims"
import { reconcileEsimOrdersWorkflow } from "../../src/workflows/reconcile-esim-orders"
import { releaseEsimFulfillmentsWorkflow } from "../../src/workflows/release-esim-fulfillments"
import { resolvePendingEsimsWorkflow } from "../../src/workflows/resolve-pending-esims"
import {
  adminHeaders,
  checkoutEsimCart,
  createAdminToken,
  placeEsimOrder,
  seedEsimStore,
  SeededEsimStore,
  waitForEvent,
} from "../fixtures/esim-store"
import { waitUntil } from "../fixtures/wait"
import { deliveryEmailsTo } from "../fixtures/notifications"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
// A cancel must not hang on a purchase's lock for minutes in these tests.
process.env.ESIMFLY_ORDER_LOCK_WAIT_S = "3"
const sandbox = useSandbox()

const SLOW = "TR-1GB-7D-SLOW"
const INSTANT = "TR1GB7D"
const MINUTE = 60 * 1000
/** Past the create-order timeout (3 s in tests) and the default 2-minute grace. */
const later = () => new Date(Date.now() + 5 * MINUTE).toISOString()

const ledger = () => sandbox.current().ledger()
const createOrderCalls = () => ledger().requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
const eventTypes = (esimOrder: { history: unknown }) =>
  (esimOrder.history as EsimOrderHistory).events.map((event) => event.type)

async function liveFulfillments(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["fulfillments.canceled_at"],
    filters: { id: orderId },
  })
  const fulfillments = (data[0] as unknown as { fulfillments: { canceled_at: string | null }[] }).fulfillments
  return fulfillments.filter((f) => !f.canceled_at)
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: [SLOW, INSTANT] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    async function cancelByAdmin(orderId: string) {
      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { status } = await api.post(`/admin/orders/${orderId}/cancel`, {}, headers)
      expect(status).toBe(200)
      await canceled.catch(() => undefined)
    }

    const esimOrdersOf = (orderId: string) => esim.listEsimOrders({ order_id: orderId }, { relations: ["esims"] })

    it("a cancel during purchasing cancels the bought eSIM at esimfly, fulfils nothing and emails nothing", async () => {
      sandbox.current().faults.setLatency(1500)
      const email = "purchasing@esim.test"
      const placed = waitForEvent(getContainer(), "order.placed", { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, {
        email,
        lines: [{ variantId: seed.esimProducts[INSTANT].variant.id, quantity: 1 }],
      })
      await waitUntil(
        async () => (await esimOrdersOf(order.id))[0]?.status === "purchasing",
        "the eSIM order is purchasing"
      )

      await cancelByAdmin(order.id)
      await placed
      await waitUntil(async () => (await esimOrdersOf(order.id))[0]?.status !== "purchasing", "the purchase answered")
      sandbox.current().faults.setLatency(0)
      await waitUntil(async () => ledger().orders[0]?.status === "cancelled", "esimfly canceled the order", 15_000)

      const [esimOrder] = await esimOrdersOf(order.id)
      expect(esimOrder.cancel_requested_at).toBeTruthy()
      expect(eventTypes(esimOrder)).toContain("canceled")
      expect(createOrderCalls()).toHaveLength(1)
      expect(await deliveryEmailsTo(getContainer(), email)).toHaveLength(0)
      expect(await liveFulfillments(getContainer(), order.id)).toHaveLength(0)
    })

    it("a cancel while pending_details cancels the eSIMs when their details arrive and emails nothing", async () => {
      sandbox.current().faults.stayPending(SLOW)
      const email = "pending@esim.test"
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: SLOW, quantity: 1 }], { email })
      const [pending] = await esimOrdersOf(order.id)
      expect(pending.status).toBe("pending_details")

      await cancelByAdmin(order.id)
      sandbox.current().setOrderStatus(pending.esimfly_order_reference as string, "completed")
      await resolvePendingEsimsWorkflow(getContainer()).run({
        input: { now: new Date(Date.now() + MINUTE).toISOString() },
      })

      const [esimOrder] = await esimOrdersOf(order.id)
      expect(esimOrder.esims).toHaveLength(1)
      expect(ledger().orders[0].status).toBe("cancelled")
      expect(eventTypes(esimOrder)).toContain("canceled")
      expect(esimOrder.esims[0].status).toBe("canceled")
      expect(await deliveryEmailsTo(getContainer(), email)).toHaveLength(0)
      expect(await liveFulfillments(getContainer(), order.id)).toHaveLength(0)
    })

    it("a cancel while needs_attention adopts and cancels the order esimfly committed when reconciliation runs", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const email = "lost@esim.test"
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: INSTANT, quantity: 1 }], { email })
      expect((await esimOrdersOf(order.id))[0].status).toBe("needs_attention")

      await cancelByAdmin(order.id)
      await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })

      const [esimOrder] = await esimOrdersOf(order.id)
      expect(createOrderCalls()).toHaveLength(1)
      expect(ledger().orders).toHaveLength(1)
      expect(ledger().orders[0].status).toBe("cancelled")
      expect(eventTypes(esimOrder)).toEqual(expect.arrayContaining(["adopted", "canceled"]))
      expect(await deliveryEmailsTo(getContainer(), email)).toHaveLength(0)
      expect(await liveFulfillments(getContainer(), order.id)).toHaveLength(0)
    })

    it("a cancel while needs_attention buys nothing when esimfly has no order for it", async () => {
      sandbox.current().faults.hangNext({ path: "/esims/order", method: "POST" })
      const email = "never-bought@esim.test"
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: INSTANT, quantity: 1 }], { email })
      expect((await esimOrdersOf(order.id))[0].status).toBe("needs_attention")

      await cancelByAdmin(order.id)
      await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })
      await reconcileEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })

      const [esimOrder] = await esimOrdersOf(order.id)
      expect(ledger().orders).toHaveLength(0)
      expect(esimOrder).toMatchObject({ status: "failed", error_code: "CANCELED_BY_MERCHANT" })
      expect(await deliveryEmailsTo(getContainer(), email)).toHaveLength(0)
    })

    it("a cancel whose lock wait times out is recorded at once and finished by the reconcile job's catch-up", async () => {
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: INSTANT, quantity: 1 }])
      await releaseEsimFulfillmentsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const locking = getContainer().resolve(Modules.LOCKING)
      await locking.acquire(esimOrderLockKey(order.id), { ownerId: "stuck-purchase", expire: 120 })

      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await waitUntil(
        async () => !!(await esimOrdersOf(order.id))[0].cancel_requested_at,
        "the cancel is recorded",
        2_000
      )
      await canceled.catch(() => undefined)
      expect(ledger().orders[0].status).toBe("completed")

      await locking.release(esimOrderLockKey(order.id), { ownerId: "stuck-purchase" })
      await reconcileEsimOrdersWorkflow(getContainer()).run({ input: {} })

      const [esimOrder] = await esimOrdersOf(order.id)
      expect(ledger().orders[0].status).toBe("cancelled")
      expect(eventTypes(esimOrder)).toContain("canceled")
      expect(esimOrder.esims[0].status).toBe("canceled")
    })
  },
})
