import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../src/modules/esim"
import { hashAccessToken } from "../../src/modules/esim/delivery"
import EsimModuleService from "../../src/modules/esim/service"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import {
  adminHeaders,
  CheckoutInput,
  placeEsimOrder,
  createAdminToken,
  createCustomer,
  seedEsimStore,
  SeededEsimStore,
  UNKNOWN_PACKAGE_CODE,
} from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

// These tests reach held and failed purchases through checkout, which the guard would refuse.
process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const creates = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))

async function fulfillmentsOf(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["fulfillments.*", "fulfillments.items.*", "fulfillment_status"]
  const { data } = await query.graph({ entity: "order", fields, filters: { id: orderId } })
  return data[0] as unknown as {
    fulfillment_status: string
    fulfillments: { provider_id: string; delivered_at: string | null; data: { esims: unknown[] } }[]
  }
}

async function notificationsTo(container: MedusaContainer, email: string) {
  return container.resolve(Modules.NOTIFICATION).listNotifications({ to: email })
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), {
        packageCodes: ["TR1GB7D", "EU-5GB-30D", "TR-1GB-7D-SLOW"],
        withUnknownPackage: true,
      })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const placeOrder = (
      lines: { code: string; quantity: number }[],
      extra: Omit<Partial<CheckoutInput>, "lines"> = {}
    ) => placeEsimOrder(api, getContainer(), seed, lines, extra)

    it("buys, stores, fulfils and notifies a customer's eSIM once", async () => {
      const customer = await createCustomer(getContainer(), seed, { email: "shopper@esim.test" })
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }], { customerHeaders: customer.headers })

      expect(creates()).toHaveLength(1)
      expect(sandbox.current().ledger().orders[0]).toMatchObject({
        packageCode: "TR1GB7D",
        quantity: 1,
        idempotencyKey: expect.stringContaining(order.id),
      })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({
        status: "completed",
        quantity: 1,
        attempts: 1,
        esimfly_order_reference: expect.any(String),
      })
      const profiles = await esim.listEsimProfiles({ order_id: order.id })
      expect(profiles).toHaveLength(1)
      expect(profiles[0]).toMatchObject({ customer_id: customer.customer.id, lpa: expect.stringMatching(/^LPA:1\$/) })

      const stored = await fulfillmentsOf(getContainer(), order.id)
      expect(stored.fulfillments).toHaveLength(1)
      expect(stored.fulfillments[0]).toMatchObject({ provider_id: "esimfly_esimfly", delivered_at: expect.anything() })
      expect(stored.fulfillments[0].data.esims).toEqual([expect.objectContaining({ iccid: profiles[0].iccid })])

      const notifications = await notificationsTo(getContainer(), "shopper@esim.test")
      expect(notifications.filter((n) => n.template === "esim-delivered")).toHaveLength(1)
    })

    it("warns in the log, naming the order and neither the guest token nor the eSIM's codes, when the delivery email cannot be sent; the purchase stays completed", async () => {
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      // A provider that echoes what it was given puts the guest token in its error.
      const echo = (data: unknown) =>
        Promise.reject(new Error(`Could not find a notification provider for channel: email ${JSON.stringify(data)}`))
      const refused = jest.spyOn(notifications, "createNotifications").mockImplementationOnce(echo as never)
      const warn = jest.spyOn(getContainer().resolve(ContainerRegistrationKeys.LOGGER), "warn")
      try {
        const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }], { email: "no-email@esim.test" })

        const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
        expect(esimOrder.status).toBe("completed")
        const [delivery] = await esim.listEsimDeliveries({ order_id: order.id })
        expect(delivery).toMatchObject({
          notification_status: "failed",
          notification_error: expect.stringContaining("channel: email"),
        })
        const lines = warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes(order.id))
        expect(lines).toEqual([expect.stringContaining("Could not find a notification provider for channel: email")])
        const words = lines[0].match(/[A-Za-z0-9_-]{16,}/g) ?? []
        expect(words.length).toBeGreaterThan(0)
        expect(words.filter((word) => hashAccessToken(word) === delivery.access_token_hash)).toEqual([])
        const [profile] = await esim.listEsimProfiles({ order_id: order.id })
        for (const code of [profile.lpa, profile.activation_code]) {
          expect(lines[0]).not.toContain(code)
          expect(delivery.notification_error).not.toContain(code)
        }
      } finally {
        refused.mockRestore()
        warn.mockRestore()
      }
    })

    it("splits a line of 23 into three purchases of 10, 10 and 3", async () => {
      const order = await placeOrder([{ code: "EU-5GB-30D", quantity: 23 }])
      expect(creates()).toHaveLength(3)
      expect(
        sandbox
          .current()
          .ledger()
          .orders.map((o) => o.quantity)
      ).toEqual([10, 10, 3])
      expect(await esim.listEsimProfiles({ order_id: order.id }, { take: null })).toHaveLength(23)
      expect((await fulfillmentsOf(getContainer(), order.id)).fulfillments).toHaveLength(1)
    })

    it("buys once when order.placed is delivered twice in a row and five times at once", async () => {
      const order = await placeOrder([{ code: "EU-5GB-30D", quantity: 12 }], { email: "twice@esim.test" })
      const run = () => purchaseEsimsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await run()
      await run()
      await Promise.all([run(), run(), run(), run(), run()])
      expect(creates()).toHaveLength(2)
      expect(await esim.listEsimProfiles({ order_id: order.id }, { take: null })).toHaveLength(12)
      expect((await fulfillmentsOf(getContainer(), order.id)).fulfillments).toHaveLength(1)
      expect(await notificationsTo(getContainer(), "twice@esim.test")).toHaveLength(1)
    })

    it("fails only the line whose package esimfly does not know", async () => {
      const order = await placeOrder([
        { code: UNKNOWN_PACKAGE_CODE, quantity: 1 },
        { code: "TR1GB7D", quantity: 2 },
      ])
      const esimOrders = await esim.listEsimOrders({ order_id: order.id })
      const byCode = Object.fromEntries(esimOrders.map((esimOrder) => [esimOrder.package_code, esimOrder]))
      expect(byCode[UNKNOWN_PACKAGE_CODE]).toMatchObject({ status: "failed", error_code: "INVALID_PACKAGE" })
      expect(byCode.TR1GB7D).toMatchObject({ status: "completed", fulfillment_id: expect.any(String) })
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(2)
    })

    it("completes a held eSIM order with POST /admin/esim-orders/:id/retry once the balance is raised", async () => {
      sandbox.current().setBalance(1)
      const order = await placeOrder([{ code: "EU-5GB-30D", quantity: 2 }], { email: "held@esim.test" })
      const [held] = await esim.listEsimOrders({ order_id: order.id })
      expect(held.status).toBe("held")
      const headers = adminHeaders(await createAdminToken(getContainer()))
      sandbox.current().setBalance(500)
      const { data } = await api.post(`/admin/esim-orders/${held.id}/retry`, {}, headers)
      expect(data.esim_order).toMatchObject({
        id: held.id,
        status: "completed",
        attempts: 2,
        fulfillment_id: expect.any(String),
      })
      expect(data.esim_order.esims).toHaveLength(2)
      expect(creates().filter((r) => r.status === 200)).toHaveLength(1)
      expect(await notificationsTo(getContainer(), "held@esim.test")).toHaveLength(1)
      const again = await api.post(`/admin/esim-orders/${held.id}/retry`, {}, headers).catch((e) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toContain("completed")
    })

    it("settles a dropped reply on retry by adopting the order esimfly created", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }], { email: "dropped@esim.test" })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { data } = await api.post(`/admin/esim-orders/${esimOrder.id}/retry`, {}, headers)
      expect(data.esim_order).toMatchObject({
        status: "completed",
        esimfly_order_reference: sandbox.current().ledger().orders[0].orderReference,
      })
      expect(data.esim_order.history.events.map((e: { type: string }) => e.type)).toContain("adopted")
      expect(data.esim_order.esims).toHaveLength(1)
      expect(creates()).toHaveLength(1)
      expect(sandbox.current().ledger().orders).toHaveLength(1)
    })

    it("settles two lost replies of one package each with its own order, asking esimfly by idempotency key", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST", count: 2 })
      const one = await placeOrder([{ code: "TR1GB7D", quantity: 1 }])
      const two = await placeOrder([{ code: "TR1GB7D", quantity: 2 }])
      const lost = await esim.listEsimOrders({ order_id: [one.id, two.id] })
      expect(lost.map((esimOrder) => esimOrder.status)).toEqual(["needs_attention", "needs_attention"])
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const retried = []
      for (const esimOrder of lost) {
        retried.push((await api.post(`/admin/esim-orders/${esimOrder.id}/retry`, {}, headers)).data.esim_order)
      }
      expect(retried.map((esimOrder) => esimOrder.status)).toEqual(["completed", "completed"])
      // The history shows two candidate orders for the first; once it has its own, the second's is plain.
      expect(retried[0].history.events.map((e: { type: string }) => e.type)).toContain("ask_by_key")
      const { orders } = sandbox.current().ledger()
      expect(orders).toHaveLength(2)
      for (const esimOrder of await esim.listEsimOrders({ order_id: [one.id, two.id] }, { relations: ["esims"] })) {
        const bought = orders.find((order) => order.idempotencyKey === esimOrder.idempotency_key)
        expect(esimOrder.esimfly_order_reference).toBe(bought?.orderReference)
        expect(esimOrder.esims.map((profile) => profile.iccid).sort()).toEqual(
          bought?.esims.map((sold) => sold.iccid).sort()
        )
      }
    })

    it("buys again on retry only when esimfly's history proves the lost attempt bought nothing", async () => {
      sandbox.current().faults.hangNext({ path: "/esims/order", method: "POST" })
      const esimOptions = esim.getOptions()
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }], { email: "hung@esim.test" })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOptions.orderTimeoutMs).toBeLessThanOrEqual(5000)
      expect(esimOrder.status).toBe("needs_attention")
      expect(sandbox.current().ledger().orders).toHaveLength(0)
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { data } = await api.post(`/admin/esim-orders/${esimOrder.id}/retry`, {}, headers)
      expect(data.esim_order.status).toBe("completed")
      expect(data.esim_order.history.events.map((e: { type: string }) => e.type)).toContain("rebuy")
      expect(sandbox.current().ledger().orders).toHaveLength(1)
    })

    it("resends the delivery email on demand and refuses strangers", async () => {
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }], { email: "resend@esim.test" })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const { data } = await api.post(`/admin/esim-orders/${esimOrder.id}/resend`, {}, headers)
      expect(data.notification.status).toBe("sent")
      expect(await notificationsTo(getContainer(), "resend@esim.test")).toHaveLength(2)
      const anonymous = await api.post(`/admin/esim-orders/${esimOrder.id}/resend`, {}).catch((e) => e.response)
      expect(anonymous.status).toBe(401)
      const missing = await api.post("/admin/esim-orders/esord_missing/retry", {}, headers).catch((e) => e.response)
      expect(missing.status).toBe(404)
      const extra = await api
        .post(`/admin/esim-orders/${esimOrder.id}/retry`, { force: true }, headers)
        .catch((e) => e.response)
      expect(extra.status).toBe(400)
      expect(extra.data.message).toContain("force")
    })

    it("holds the eSIM order with both amounts when the balance is too low", async () => {
      sandbox.current().setBalance(1)
      const order = await placeOrder([{ code: "EU-5GB-30D", quantity: 2 }])
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({ status: "held", error_code: "INSUFFICIENT_BALANCE", current_balance: 1 })
      expect(Number(esimOrder.required_balance)).toBeGreaterThan(1)
      expect(sandbox.current().ledger().orders).toHaveLength(0)
    })

    it("leaves a dropped create-order reply needing attention and never buys it again", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const order = await placeOrder([{ code: "TR1GB7D", quantity: 1 }])
      await purchaseEsimsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder).toMatchObject({
        status: "needs_attention",
        error_code: "ORDER_OUTCOME_UNKNOWN",
        request_id: expect.any(String),
      })
      expect(creates()).toHaveLength(1)
      expect(sandbox.current().ledger().orders).toHaveLength(1)
    })
  },
})
