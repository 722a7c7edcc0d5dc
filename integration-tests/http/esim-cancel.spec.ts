import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderEvent } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { releaseEsimFulfillmentsWorkflow } from "../../src/workflows/release-esim-fulfillments"
import {
  adminHeaders,
  placeEsimOrder,
  createAdminToken,
  seedEsimStore,
  SeededEsimStore,
  waitForEvent,
} from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

// One test reaches a held purchase through checkout, which the checkout guard would refuse.
process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const cancelCalls = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/cancel"))
const sandboxOrder = (reference: string | null) =>
  sandbox
    .current()
    .ledger()
    .orders.find((o) => o.orderReference === reference)
const lastEvent = (esimOrder: { history: unknown }) =>
  ((esimOrder.history as { events: EsimOrderEvent[] }).events ?? []).slice(-1)[0]

async function orderOf(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "fulfillments.canceled_at", "fulfillments.delivered_at"],
    filters: { id },
  })
  return data[0] as unknown as {
    status: string
    fulfillments: { canceled_at: string | null; delivered_at: string | null }[]
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: ["TR1GB7D", "EU-5GB-30D"] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const placeOrder = (lines: { code: string; quantity: number }[]) => placeEsimOrder(api, getContainer(), seed, lines)

    async function esimOrdersByCode(orderId: string) {
      const esimOrders = await esim.listEsimOrders({ order_id: orderId }, { relations: ["esims"] })
      return Object.fromEntries(esimOrders.map((esimOrder) => [esimOrder.package_code, esimOrder]))
    }

    it("canceling an order of two eSIM lines, one installed, cancels exactly the other line", async () => {
      const order = await placeOrder([
        { code: "TR1GB7D", quantity: 2 },
        { code: "EU-5GB-30D", quantity: 1 },
      ])
      const before = await esimOrdersByCode(order.id)
      const [tr, eu] = [before.TR1GB7D, before["EU-5GB-30D"]]
      expect([tr.status, eu.status]).toEqual(["completed", "completed"])
      sandbox.current().setEsimState(eu.esims[0].iccid, "installed")
      const trCost = sandboxOrder(tr.esimfly_order_reference)?.amount ?? NaN
      const balanceBefore = sandbox.current().ledger().balance

      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { status } = await api.post(`/admin/orders/${order.id}/cancel`, {}, headers)
      await canceled

      expect(status).toBe(200)
      const medusaOrder = await orderOf(getContainer(), order.id)
      expect(medusaOrder.status).toBe("canceled")
      expect(medusaOrder.fulfillments.every((f) => f.canceled_at && f.delivered_at)).toBe(true)
      const trIccids = tr.esims.map((profile) => profile.iccid).sort()
      const trAtEsimfly = sandboxOrder(tr.esimfly_order_reference)
      expect(trAtEsimfly?.status).toBe("cancelled")
      expect(trAtEsimfly?.cancellations).toHaveLength(1)
      expect([...(trAtEsimfly?.cancellations[0].iccids ?? [])].sort()).toEqual(trIccids)
      expect(trAtEsimfly?.cancellations[0].refund).toBe(trCost)
      const euAtEsimfly = sandboxOrder(eu.esimfly_order_reference)
      expect(euAtEsimfly).toMatchObject({ status: "completed", cancellations: [] })
      expect(euAtEsimfly?.esims.map((e) => e.state)).toEqual(["installed"])
      expect(sandbox.current().ledger().balance).toBeCloseTo(balanceBefore + trCost, 2)
      expect(await esim.readEsimflyBalance()).toMatchObject({
        amount: sandbox.current().ledger().balance,
        source: "cancel",
      })

      const after = await esimOrdersByCode(order.id)
      expect(lastEvent(after.TR1GB7D)).toMatchObject({ type: "canceled", refunded: trCost, currency: "USD" })
      expect(lastEvent(after.TR1GB7D).message).toContain(`refunded ${trCost} USD`)
      expect([...(lastEvent(after.TR1GB7D).iccids ?? [])].sort()).toEqual(trIccids)
      expect(after.TR1GB7D.esims.map((profile) => profile.status)).toEqual(["canceled", "canceled"])
      expect(lastEvent(after["EU-5GB-30D"])).toMatchObject({ type: "cancel_refused", code: "ESIM_NOT_CANCELLABLE" })
      expect(lastEvent(after["EU-5GB-30D"]).message).toBe(`not cancellable: installed (${eu.esims[0].iccid})`)
      expect(after["EU-5GB-30D"].esims[0].status).toBe("installed")
      expect(cancelCalls()).toHaveLength(2)

      // Profit keeps only the installed line: the canceled one was refunded on both sides.
      const { data } = await api.get("/admin/esimfly/profit", headers)
      expect(data.profit.rows).toEqual([
        // The seeded eSIM variants sell at 10 USD.
        expect.objectContaining({
          revenue: 10,
          cost: sandboxOrder(eu.esimfly_order_reference)?.amount,
          esims_count: 1,
          canceled_esims_count: 2,
        }),
      ])
    })

    it("Medusa refuses to cancel a delivered eSIM order until the plugin releases its fulfillment", async () => {
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }])
      const refused = await cancelOrderWorkflow(getContainer()).run({
        input: { order_id: order.id },
        throwOnError: false,
      })
      expect(refused.errors[0]?.error.message).toBe("All fulfillments must be canceled before canceling an order")
      expect(cancelCalls()).toHaveLength(0)

      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      const { result } = await releaseEsimFulfillmentsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(result.released).toHaveLength(1)
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await canceled
      expect(sandbox.current().ledger().orders[0].status).toBe("cancelled")
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(lastEvent(esimOrder).type).toBe("canceled")
    })

    it("POST /admin/esim-orders/:id/cancel cancels one eSIM order's batch only and refuses a second time", async () => {
      const order = await placeOrder([
        { code: "TR1GB7D", quantity: 2 },
        { code: "EU-5GB-30D", quantity: 1 },
      ])
      const { TR1GB7D: tr, "EU-5GB-30D": eu } = await esimOrdersByCode(order.id)
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { data } = await api.post(`/admin/esim-orders/${tr.id}/cancel`, {}, headers)
      expect(data.cancel).toMatchObject({
        outcome: "canceled",
        message: expect.stringContaining("canceled at esimfly: 2 eSIMs"),
      })
      expect(data.esim_order.esims.map((e: { status: string }) => e.status)).toEqual(["canceled", "canceled"])
      expect(sandboxOrder(eu.esimfly_order_reference)?.esims[0].state).toBe("new")
      expect((await orderOf(getContainer(), order.id)).status).not.toBe("canceled")
      const again = await api.post(`/admin/esim-orders/${tr.id}/cancel`, {}, headers).catch((e) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toContain("nothing left to cancel")
      const extra = await api
        .post(`/admin/esim-orders/${eu.id}/cancel`, { now: true }, headers)
        .catch((e) => e.response)
      expect(extra.status).toBe(400)
      expect(cancelCalls()).toHaveLength(1)
    })

    it("keeps a failed or lost cancel visible on the eSIM order, and a second try settles it", async () => {
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }])
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      sandbox.current().faults.dropReplyNext({ path: "/esims/cancel", method: "POST" })
      const lost = await api.post(`/admin/esim-orders/${esimOrder.id}/cancel`, {}, headers)
      expect(lost.data.cancel.outcome).toBe("unknown")
      expect(lastEvent(lost.data.esim_order)).toMatchObject({ type: "cancel_unknown", code: "CANCEL_OUTCOME_UNKNOWN" })
      expect(sandbox.current().ledger().orders[0].status).toBe("cancelled")
      const again = await api.post(`/admin/esim-orders/${esimOrder.id}/cancel`, {}, headers)
      expect(again.data.cancel).toMatchObject({
        outcome: "already_canceled",
        message: expect.stringContaining("already canceled at esimfly"),
      })
      expect(again.data.esim_order.esims[0].status).toBe("canceled")
      expect(sandbox.current().ledger().orders[0].cancellations).toHaveLength(1)
    })

    it("a canceled order never buys its held line later", async () => {
      sandbox.current().setBalance(1)
      const order = await placeOrder([{ code: "EU-5GB-30D", quantity: 1 }])
      const [held] = await esim.listEsimOrders({ order_id: order.id })
      expect(held.status).toBe("held")
      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      await api.post(`/admin/orders/${order.id}/cancel`, {}, headers)
      await canceled
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({ status: "failed", error_code: "CANCELED_BY_MERCHANT" })
      sandbox.current().setBalance(500)
      const retry = await api.post(`/admin/esim-orders/${esimOrder.id}/retry`, {}, headers).catch((e) => e.response)
      expect(retry.status).toBe(400)
      expect(sandbox.current().ledger().orders).toHaveLength(0)
      expect(cancelCalls()).toHaveLength(0)
    })

    it("a received return cancels the eSIM lines it brings back in full, not a partly returned one", async () => {
      const order = await placeOrder([
        { code: "TR1GB7D", quantity: 2 },
        { code: "EU-5GB-30D", quantity: 1 },
      ])
      const { TR1GB7D: tr, "EU-5GB-30D": eu } = await esimOrdersByCode(order.id)
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const items = [
        { id: eu.line_item_id, quantity: 1 },
        { id: tr.line_item_id, quantity: 1 },
      ]
      const { data: begun } = await api.post("/admin/returns", { order_id: order.id }, headers)
      const returnId = begun.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items }, headers)
      await api.post(`/admin/returns/${returnId}/request`, {}, headers)
      await api.post(`/admin/returns/${returnId}/receive`, {}, headers)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items }, headers)
      const received = waitForEvent(getContainer(), "order.return_received", { timeout: 60_000 })
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, headers)
      await received
      expect(sandboxOrder(eu.esimfly_order_reference)?.status).toBe("cancelled")
      expect(sandboxOrder(tr.esimfly_order_reference)?.esims.map((e) => e.state)).toEqual(["new", "new"])
      const after = await esimOrdersByCode(order.id)
      expect(lastEvent(after["EU-5GB-30D"]).type).toBe("canceled")
      expect(lastEvent(after.TR1GB7D)).toMatchObject({
        type: "cancel_skipped",
        message: expect.stringContaining("brought back 1 of 2"),
      })
      expect(cancelCalls()).toHaveLength(1)
    })
  },
})
