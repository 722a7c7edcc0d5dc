import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import { reconcileEsimOrdersWorkflow } from "../../src/workflows/reconcile-esim-orders"
import {
  adminHeaders,
  createAdminToken,
  placeEsimOrder,
  seedEsimStore,
  SeededEsimStore,
  waitForEvent,
} from "../fixtures/esim-store"
import { request } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_BUY_WHEN = "captured"
const sandbox = useSandbox()

const creates = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()

async function paymentOf(container: MedusaContainer, orderId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["payment_collections.payments.id"],
    filters: { id: orderId },
  })
  return data[0].payment_collections[0].payments[0].id
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

    const placeOrder = () => placeEsimOrder(api, getContainer(), seed, [{ code: "TR1GB7D", quantity: 1 }])

    it("buys nothing at placement, and buys once when an admin captures the payment", async () => {
      const container = getContainer()
      const headers = adminHeaders(await createAdminToken(container))
      const order = await placeOrder()
      expect(creates()).toHaveLength(0)
      expect(await esim.listEsimOrders({ order_id: order.id })).toHaveLength(0)
      const before = await request<{ purchase_hold: unknown }>("list esim orders", () =>
        api.get(`/admin/esim-orders?order_id=${order.id}`, headers)
      )
      expect(before.purchase_hold).toBe("awaiting_capture")

      const paymentId = await paymentOf(container, order.id)
      const captured = waitForEvent(container, "payment.captured", { timeout: 60_000 })
      await request("capture payment", () => api.post(`/admin/payments/${paymentId}/capture`, {}, headers))
      await captured
      expect(creates()).toHaveLength(1)
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(creates()).toHaveLength(1)
      expect(await esim.listEsimOrders({ order_id: order.id })).toEqual([
        expect.objectContaining({ status: "completed" }),
      ])
      const after = await request<{ purchase_hold: unknown }>("list esim orders", () =>
        api.get(`/admin/esim-orders?order_id=${order.id}`, headers)
      )
      expect(after.purchase_hold).toBeNull()
    })

    it("buys through the catch-up, once, a captured order whose payment.captured was lost, and nothing before the capture", async () => {
      const container = getContainer()
      const order = await placeOrder()
      expect((await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })).result.caught_up).toEqual([])
      expect(creates()).toHaveLength(0)

      // The payment module captures without the workflow's event: a lost payment.captured.
      await container.resolve(Modules.PAYMENT).capturePayment({ payment_id: await paymentOf(container, order.id) })
      const { result } = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(result.caught_up).toEqual([order.id])
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(creates()).toHaveLength(1)
    })

    it("never buys for a canceled authorization: not on capture, the purchase, the catch-up or reconciliation", async () => {
      const container = getContainer()
      const headers = adminHeaders(await createAdminToken(container))
      const order = await placeOrder()
      const paymentId = await paymentOf(container, order.id)
      await container.resolve(Modules.PAYMENT).cancelPayment(paymentId)

      await expect(api.post(`/admin/payments/${paymentId}/capture`, {}, headers)).rejects.toMatchObject({
        response: { status: 400 },
      })
      await purchaseEsimsWorkflow(container).run({ input: { order_id: order.id } })
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })

      expect(creates()).toHaveLength(0)
      expect(await esim.listEsimOrders({ order_id: order.id })).toHaveLength(0)
    })

    it("reconciliation buys nothing for a failed eSIM order of an uncaptured order (left from buying at placement); the capture buys it once", async () => {
      const container = getContainer()
      const order = await placeOrder()
      const [line] = order.items ?? []
      await esim.createEsimOrders({
        order_id: order.id,
        line_item_id: line.id,
        batch: 0,
        quantity: 1,
        package_code: "TR1GB7D",
        idempotency_key: `${order.id}:${line.id}:0`,
        status: "failed",
        error_code: "SERVICE_UNAVAILABLE",
        attempts: 1,
        last_attempt_at: new Date(Date.now() - 60 * 60 * 1000),
      })

      await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(creates()).toHaveLength(0)
      expect((await esim.listEsimOrders({ order_id: order.id }))[0].status).not.toBe("completed")

      const headers = adminHeaders(await createAdminToken(container))
      const paymentId = await paymentOf(container, order.id)
      const captured = waitForEvent(container, "payment.captured", { timeout: 60_000 })
      await request("capture payment", () => api.post(`/admin/payments/${paymentId}/capture`, {}, headers))
      await captured
      expect(creates()).toHaveLength(1)
      await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(creates()).toHaveLength(1)
      expect(await esim.listEsimOrders({ order_id: order.id })).toEqual([
        expect.objectContaining({ status: "completed" }),
      ])
    })
  },
})
