import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders, createAdminToken, prepareEsimCart, seedEsimStore, SeededEsimStore, waitForOrderPlaced } from "../fixtures/esim-store"
import { ESIM_MODULE } from "../../src/modules/esim"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()
// A balance reading stays valid for the whole spec: only an explicit refresh reads esimfly again.
process.env.ESIMFLY_BALANCE_CACHE_TTL_MS = String(10 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { esimPrice: 40 })
    })

    const creates = () => sandbox.current().ledger().requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))

    async function paymentStatus(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "payment_collection.status", "payment_collection.payment_sessions.status"], filters: { id: cartId } })
      return data[0] as unknown as { completed_at: string | null; payment_collection: { status: string; payment_sessions: { status: string }[] } }
    }

    it("refuses a cart the esimfly balance cannot cover, before payment, and completes it after a top-up", async () => {
      sandbox.current().setBalance(3)
      const { cartId, headers } = await prepareEsimCart(api, seed, { lines: [{ variantId: seed.esimProducts["EU-5GB-30D"].variant.id, quantity: 2 }] })

      const refused = await api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect(JSON.stringify(refused.data)).toContain("you have not been charged")
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })
      expect(again.status).toBe(refused.status)

      const cart = await paymentStatus(cartId)
      expect(cart.completed_at).toBeNull()
      expect(cart.payment_collection.payment_sessions.map((s) => s.status)).not.toContain("authorized")
      expect(creates()).toHaveLength(0)
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.filter((n) => (n.data as { title?: string })?.title === "eSIM checkout refused")).toHaveLength(1)

      sandbox.current().setBalance(500)
      // The merchant's "refresh" on the admin balance card reads the top-up; the guard uses that reading.
      const admin = adminHeaders(await createAdminToken(getContainer()))
      expect((await api.get("/admin/esimfly/balance?refresh=true", admin)).data.balance.amount).toBe(500)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      await placed
      expect(completed.data.type).toBe("order")
      expect(creates()).toHaveLength(1)
    })

    it("spends at most 2 esimfly calls on 200 refused completes of one cart", async () => {
      sandbox.current().setBalance(3)
      const admin = adminHeaders(await createAdminToken(getContainer(), "quota@esim.test"))
      expect((await api.get("/admin/esimfly/balance?refresh=true", admin)).data.balance.amount).toBe(3)
      const { cartId, headers } = await prepareEsimCart(api, seed, { lines: [{ variantId: seed.esimProducts["EU-5GB-30D"].variant.id, quantity: 2 }] })
      const before = sandbox.current().ledger().requests.length
      const statuses = new Set<number>()
      for (let i = 0; i < 200; i += 1) {
        statuses.add((await api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })).status)
      }
      expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true)
      const calls = sandbox.current().ledger().requests.slice(before).map((r) => `${r.method} ${r.path}`)
      expect(calls.length).toBeLessThanOrEqual(2)
      expect(creates()).toHaveLength(0)
    })

    it("completes a checkout into an order while esimfly's reads answer 503, and buys the eSIM once", async () => {
      const faults = sandbox.current().faults
      faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/balance", method: "GET", count: 20 })
      faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/esims/packages", method: "GET", count: 20 })
      const { cartId, headers } = await prepareEsimCart(api, seed, { lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }] })
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })

      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      await placed
      expect(creates()).toHaveLength(1)
      const [intent] = await getContainer().resolve(ESIM_MODULE).listEsimOrders({ order_id: completed.data.order.id })
      expect(intent.status).toBe("completed")
    })

    it("lets a covered cart through without a fresh balance read for each checkout", async () => {
      const { cartId, headers } = await prepareEsimCart(api, seed, { lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }] })
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      await placed
      expect(completed.data.type).toBe("order")
    })
  },
})
