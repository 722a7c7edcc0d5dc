import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  adminHeaders,
  createAdminToken,
  prepareEsimCart,
  seedEsimStore,
  SeededEsimStore,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { mirrorPackageCosts } from "../fixtures/cost-mirror"
import { deliveryEmailsTo } from "../fixtures/notifications"
import { waitUntil } from "../fixtures/wait"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { CHECKOUT_GUARD_METADATA_KEY } from "../../src/modules/esim/purchase"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()
const EU = "EU-5GB-30D"
const TR = "TR1GB7D"

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { esimPrice: 40 })
    })

    const esim = () => getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    const ledger = () => sandbox.current().ledger()
    const creates = () => ledger().requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
    const callsSince = (before: number) =>
      ledger()
        .requests.slice(before)
        .map((r) => `${r.method} ${r.path}`)
    const cartOf = (code: string, quantity = 1) =>
      prepareEsimCart(api, seed, { lines: [{ variantId: seed.esimProducts[code].variant.id, quantity }] })
    const complete = (cartId: string, headers: object) =>
      api.post(`/store/carts/${cartId}/complete`, {}, { ...headers, validateStatus: () => true })

    async function cartState(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const fields = [
        "id",
        "completed_at",
        "metadata",
        "payment_collection.status",
        "payment_collection.payment_sessions.status",
      ]
      const { data } = await query.graph({ entity: "cart", fields, filters: { id: cartId } })
      return data[0] as unknown as {
        completed_at: string | null
        metadata: Record<string, unknown> | null
        payment_collection: { payment_sessions: { status: string }[] }
      }
    }

    async function orderCount() {
      const [, count] = await getContainer().resolve(Modules.ORDER).listAndCountOrders({})
      return count
    }

    async function expectRefused(cartId: string, headers: object) {
      const before = ledger().requests.length
      const refused = await complete(cartId, headers)
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect(JSON.stringify(refused.data)).toContain("you have not been charged")
      expect(callsSince(before)).toEqual([])
      const cart = await cartState(cartId)
      expect(cart.completed_at).toBeNull()
      expect(cart.payment_collection.payment_sessions.map((s) => s.status)).not.toContain("authorized")
    }

    it("refuses a cart the mirrored balance cannot cover with a 4xx before payment and no esimfly call, and completes it once a top-up is refreshed", async () => {
      sandbox.current().setBalance(3)
      await mirrorPackageCosts(getContainer(), [EU])
      const admin = adminHeaders(await createAdminToken(getContainer()))
      expect((await api.get("/admin/esimfly/balance?refresh=true", admin)).data.balance).toMatchObject({
        amount: 3,
        source: "admin",
      })
      const { cartId, headers } = await cartOf(EU, 2)

      await expectRefused(cartId, headers)
      await expectRefused(cartId, headers)
      expect(creates()).toHaveLength(0)
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.filter((n) => (n.data as { title?: string })?.title === "eSIM checkout refused")).toHaveLength(1)

      sandbox.current().setBalance(500)
      expect((await api.get("/admin/esimfly/balance?refresh=true", admin)).data.balance.amount).toBe(500)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await complete(cartId, headers)
      await placed
      expect(completed.data.type).toBe("order")
      expect(creates()).toHaveLength(1)
    })

    it("refuses the next cart once the store's own sales spent the balance down: 4xx, no esimfly call at checkout, no order", async () => {
      const cost = (await mirrorPackageCosts(getContainer(), [EU])).get(EU) as number
      sandbox.current().setBalance(Math.round(cost * 150) / 100)
      await esim().refreshEsimflyBalance("refresh")
      const admin = adminHeaders(await createAdminToken(getContainer(), "spend@esim.test"))

      const first = await cartOf(EU)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      expect((await complete(first.cartId, first.headers)).data.type).toBe("order")
      await placed
      await waitUntil(
        async () => creates().length === 1 && (await esim().readEsimflyBalance())?.source === "create_order",
        "the purchase's newBalance mirrored"
      )

      const readsBefore = ledger().requests.filter((r) => r.path.endsWith("/balance")).length
      const shown = (await api.get("/admin/esimfly/balance", admin)).data.balance
      expect(shown).toMatchObject({ amount: ledger().balance, source: "create_order" })
      expect(ledger().requests.filter((r) => r.path.endsWith("/balance"))).toHaveLength(readsBefore)

      const orders = await orderCount()
      const second = await cartOf(EU)
      await expectRefused(second.cartId, second.headers)
      expect(await orderCount()).toBe(orders)
      expect(creates()).toHaveLength(1)
    })

    it("makes no esimfly call on 50 refused completes of one cart", async () => {
      sandbox.current().setBalance(3)
      await mirrorPackageCosts(getContainer(), [EU])
      await esim().refreshEsimflyBalance("refresh")
      const { cartId, headers } = await cartOf(EU, 2)
      const before = ledger().requests.length
      const statuses = new Set<number>()
      for (let i = 0; i < 50; i += 1) {
        statuses.add((await complete(cartId, headers)).status)
      }
      expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true)
      expect(callsSince(before)).toEqual([])
    })

    it("makes no esimfly call for a checkout of a mapped, priced eSIM: the only call is the purchase's one create-order", async () => {
      await mirrorPackageCosts(getContainer(), [TR])
      await esim().refreshEsimflyBalance("refresh")
      const before = ledger().requests.length
      const { cartId, headers } = await cartOf(TR)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await complete(cartId, headers)
      expect(completed.data.type).toBe("order")
      await placed
      await waitUntil(async () => creates().length === 1, "the purchase")
      expect(callsSince(before)).toEqual(["POST /api/v1/business/esims/order"])
      expect((await cartState(cartId)).metadata?.[CHECKOUT_GUARD_METADATA_KEY]).toMatchObject({
        balance: "checked",
        unpriced: [],
      })
    })

    it("completes a checkout of an unpriced eSIM into an order while esimfly's reads answer 503, records what it could not check, and delivers the eSIM once", async () => {
      const faults = sandbox.current().faults
      faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/balance", method: "GET", count: 20 })
      faults.failNext({ status: 503, code: "SERVICE_UNAVAILABLE", path: "/esims/packages", method: "GET", count: 20 })
      const { cartId, headers } = await cartOf(TR)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const completed = await complete(cartId, headers)

      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      await placed
      const orderId = completed.data.order.id
      await waitUntil(
        async () => (await deliveryEmailsTo(getContainer(), completed.data.order.email)).length === 1,
        "the delivery email"
      )
      expect(creates()).toHaveLength(1)
      const [esimOrder] = await esim().listEsimOrders({ order_id: orderId })
      expect(esimOrder.status).toBe("completed")
      const note = (await cartState(cartId)).metadata?.[CHECKOUT_GUARD_METADATA_KEY]
      expect(note).toEqual({ balance: "missing", balance_read_at: null, unpriced: [TR] })
    })

    it("lets a cart through when the balance mirror is older than guardBalanceMaxAgeMs, and records it as stale", async () => {
      await mirrorPackageCosts(getContainer(), [TR])
      const readAt = new Date(Date.now() - 2 * 60 * 60 * 1000)
      await esim().recordEsimflyBalance({ amount: 0, currency: "USD", read_at: readAt, source: "refresh" })
      const { cartId, headers } = await cartOf(TR)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      expect((await complete(cartId, headers)).data.type).toBe("order")
      await placed
      expect((await cartState(cartId)).metadata?.[CHECKOUT_GUARD_METADATA_KEY]).toEqual({
        balance: "stale",
        balance_read_at: readAt.toISOString(),
        unpriced: [],
      })
    })
  },
})
