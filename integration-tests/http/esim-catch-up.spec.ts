import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { isEsimflyProvider } from "../../src/workflows/utils/esim-fulfillment"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { reconcileEsimOrdersWorkflow } from "../../src/workflows/reconcile-esim-orders"
import { checkoutEsimCart, placeEsimOrder, seedEsimStore, waitForOrderPlaced } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    beforeEach(() => sandbox.current().reset())

    it("reconciles a purchase whose reply was lost by adopting the order esimfly created", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const placed = waitForOrderPlaced(container, { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, {
        lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }],
      })
      await placed
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      expect((await esim.listEsimOrders({ order_id: order.id }))[0].status).toBe("needs_attention")

      const soon = await reconcileEsimOrdersWorkflow(container).run({ input: {} })
      expect(soon.result.settled).toEqual([])
      const later = new Date(Date.now() + 5 * 60 * 1000).toISOString()
      const { result } = await reconcileEsimOrdersWorkflow(container).run({ input: { now: later } })
      expect(result.settled).toEqual([expect.objectContaining({ status: "completed" })])
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder.esimfly_order_reference).toBe(sandbox.current().ledger().orders[0].orderReference)
      expect(sandbox.current().ledger().orders).toHaveLength(1)
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(1)
    })

    it("buys again a purchase esimfly refused for the moment: five attempts at most, the rate limit without a cap", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const box = sandbox.current()
      box.faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/esims/order", method: "POST" })
      const placed = waitForOrderPlaced(container, { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, {
        lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }],
      })
      await placed
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      expect((await esim.listEsimOrders({ order_id: order.id }))[0]).toMatchObject({
        status: "failed",
        error_code: "SERVICE_UNAVAILABLE",
      })

      const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()
      const { result } = await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })
      expect(result.settled).toEqual([expect.objectContaining({ status: "completed" })])
      expect(box.ledger().orders).toHaveLength(1)

      // A long outage: the attempts stop at five, and the eSIM order waits for a person.
      box.faults.failNext({
        status: 500,
        code: "ORDER_PROCESSING_ERROR",
        path: "/esims/order",
        method: "POST",
        count: 20,
      })
      const second = await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 1 }])
      for (let run = 0; run < 6; run++) {
        await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })
      }
      const [stuck] = await esim.listEsimOrders({ order_id: second.id })
      expect(stuck).toMatchObject({ status: "failed", error_code: "ORDER_PROCESSING_ERROR", attempts: 5 })
      expect(box.ledger().orders).toHaveLength(1)

      // The rate limit only means "later": it is retried past five attempts.
      box.faults.reset()
      box.faults.failNext({ status: 429, code: "RATE_LIMIT_EXCEEDED", path: "/esims/order", method: "POST", count: 6 })
      const third = await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 1 }])
      for (let run = 0; run < 6; run++) {
        await reconcileEsimOrdersWorkflow(container).run({ input: { now: later() } })
      }
      expect((await esim.listEsimOrders({ order_id: third.id }))[0]).toMatchObject({ status: "completed", attempts: 7 })
      expect(box.ledger().orders).toHaveLength(2)
    })

    it("records the fulfillment of bought eSIMs whose delivery failed, once, without buying again", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const fulfillment = container.resolve(Modules.FULFILLMENT)
      const { data: options } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "shipping_option", fields: ["id", "provider_id"] })
      const esimOptionIds = options
        .filter((option) => isEsimflyProvider(option.provider_id))
        .map((option) => option.id as string)
      // The eSIM shipping option vanishes between checkout and delivery (a slow esimfly leaves
      // time for it): the fulfillment cannot be recorded.
      sandbox.current().faults.setLatency(1500)
      const placed = waitForOrderPlaced(container, { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, {
        lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 2 }],
      })
      await fulfillment.softDeleteShippingOptions(esimOptionIds)
      await placed
      sandbox.current().faults.setLatency(0)
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      const [bought] = await esim.listEsimOrders({ order_id: order.id })
      expect(bought).toMatchObject({ status: "completed", fulfillment_id: null })

      await fulfillment.restoreShippingOptions(esimOptionIds)
      const later = new Date(Date.now() + 5 * 60 * 1000).toISOString()
      const { result } = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })
      expect(result.caught_up).toEqual([order.id])
      const [delivered] = await esim.listEsimOrders({ order_id: order.id })
      expect(delivered.fulfillment_id).toEqual(expect.any(String))
      const again = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })
      expect(again.result.caught_up).toEqual([])
      expect(sandbox.current().ledger().orders).toHaveLength(1)
    })

    it("buys, once, the eSIMs of an order whose order.placed never arrived", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      // createOrderWorkflow emits no order.placed: exactly what a lost event leaves behind.
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id: seed.region.id,
          sales_channel_id: seed.salesChannel.id,
          email: "lost@esim.test",
          currency_code: "usd",
          items: [{ variant_id: seed.esimProducts.TR1GB7D.variant.id, quantity: 2 }],
        },
      })
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      expect(await esim.listEsimOrders({ order_id: order.id })).toHaveLength(0)

      const early = await catchUpEsimOrdersWorkflow(container).run({ input: {} })
      expect(early.result.caught_up).toEqual([])

      const later = new Date(Date.now() + 5 * 60 * 1000).toISOString()
      const { result } = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })
      expect(result.caught_up).toEqual([order.id])
      const again = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })
      expect(again.result.caught_up).toEqual([])

      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({ status: "completed", quantity: 2 })
      expect(sandbox.current().ledger().orders).toHaveLength(1)
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(2)

      // A newer lost order behind pages of settled ones is still found.
      await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 1 }])
      await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 1 }])
      const { result: newer } = await createOrderWorkflow(container).run({
        input: {
          region_id: seed.region.id,
          sales_channel_id: seed.salesChannel.id,
          email: "lost2@esim.test",
          currency_code: "usd",
          items: [{ variant_id: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }],
        },
      })
      const paged = await catchUpEsimOrdersWorkflow(container).run({ input: { now: later, limit: 1, page_size: 1 } })
      expect(paged.result.caught_up).toEqual([newer.id])
      expect(sandbox.current().ledger().orders).toHaveLength(4)
    })
  },
})
