import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { HttpTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import {
  adminHeaders,
  createAdminToken,
  placeEsimOrder,
  seedEsimStore,
  waitForEvent,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { request } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

const createOrderCalls = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    beforeEach(() => sandbox.current().reset())

    const createDraft = async (
      seed: Awaited<ReturnType<typeof seedEsimStore>>,
      headers: ReturnType<typeof adminHeaders>
    ) => {
      const body = {
        email: "draft@esim.test",
        region_id: seed.region.id,
        sales_channel_id: seed.salesChannel.id,
        items: [{ variant_id: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }],
      }
      const { draft_order } = await request<HttpTypes.AdminDraftOrderResponse>("create draft order", () =>
        api.post("/admin/draft-orders", body, headers)
      )
      return draft_order
    }

    it("creates no eSIM order and calls no create-order when the purchase workflow runs for a draft order", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const draft = await createDraft(seed, adminHeaders(await createAdminToken(container)))

      await purchaseEsimsWorkflow(container).run({ input: { order_id: draft.id } })

      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      expect(await esim.listEsimOrders({ order_id: draft.id })).toHaveLength(0)
      expect(createOrderCalls()).toHaveLength(0)
    })

    it("buys nothing for an admin's draft order, and buys once when the draft is converted into an order", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const headers = adminHeaders(await createAdminToken(container))
      const draft_order = await createDraft(seed, headers)
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()

      const early = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(early.result.caught_up).toEqual([])
      expect(await esim.listEsimOrders({ order_id: draft_order.id })).toHaveLength(0)
      expect(createOrderCalls()).toHaveLength(0)

      const placed = waitForOrderPlaced(container, { timeout: 60_000 })
      await request("convert draft order", () =>
        api.post(`/admin/draft-orders/${draft_order.id}/convert-to-order`, {}, headers)
      )
      await placed
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later() } })

      expect(createOrderCalls()).toHaveLength(1)
      expect(await esim.listEsimOrders({ order_id: draft_order.id })).toEqual([
        expect.objectContaining({ status: "completed", quantity: 1 }),
      ])
    })

    it("buys at placement when buyWhen is placed (the default), and capturing the payment buys nothing more", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const headers = adminHeaders(await createAdminToken(container))
      const order = await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 1 }])
      expect(createOrderCalls()).toHaveLength(1)

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id"],
        filters: { id: order.id },
      })
      const captured = waitForEvent(container, "payment.captured", { timeout: 60_000 })
      await request("capture payment", () =>
        api.post(`/admin/payments/${data[0].payment_collections[0].payments[0].id}/capture`, {}, headers)
      )
      await captured

      expect(createOrderCalls()).toHaveLength(1)
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      expect(await esim.listEsimOrders({ order_id: order.id })).toEqual([
        expect.objectContaining({ status: "completed" }),
      ])
    })
  },
})
