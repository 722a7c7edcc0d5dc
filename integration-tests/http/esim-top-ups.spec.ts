import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { HttpTypes, MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { hashAccessToken } from "../../src/modules/esim/delivery"
import { sealTopUpLine, TOP_UP_METADATA_KEY } from "../../src/modules/esim/top-up"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { createOrderWorkflow } from "@medusajs/core-flows"
import { buyEsimTopUpsWorkflow, settleEsimTopUpsWorkflow } from "../../src/workflows/esim-top-ups"
import {
  adminHeaders,
  checkoutEsimCart,
  completeCart,
  createAdminToken,
  createCustomer,
  payWithSystemProvider,
  RequestConfig,
  seedEsimStore,
  storeHeaders,
  SeededEsimStore,
  TestCustomer,
  waitForEvent,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { request } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180 * 1000)

const sandbox = useSandbox()

const ESIM_PACKAGE = "TR-1GB-7D"
const TOP_UP_PACKAGE = "TR-3GB-15D"

type Reply = { status: number; data: Record<string, unknown> & { message?: string } }
type Api = {
  get: (url: string, config: RequestConfig & { validateStatus: () => boolean }) => Promise<Reply>
  post: (url: string, body: object, config: RequestConfig & { validateStatus: () => boolean }) => Promise<Reply>
}
type Offer = { package_code: string; price: number; currency_code: string; data_mb: number }
type StoreTopUp = { id: string; package_code: string; status: string; data_mb: number | null; bought_at: unknown }

const topUpOrders = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/topup/order"))
const packageListings = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.path.endsWith("/topup/packages"))

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const http = api as unknown as Api
    const anyStatus = (config: RequestConfig) => ({ ...config, validateStatus: () => true })
    let seed: SeededEsimStore
    let owner: TestCustomer
    let iccid: string

    const esimModule = () => getContainer().resolve<EsimModuleService>(ESIM_MODULE)

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: [ESIM_PACKAGE] })
      owner = await createCustomer(getContainer(), seed, { email: "owner@esim.test" })
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const lines = [{ variantId: seed.esimProducts[ESIM_PACKAGE].variant.id, quantity: 1 }]
      const { order } = await checkoutEsimCart(api, seed, { lines, customerHeaders: owner.headers })
      await placed
      const [profile] = await esimModule().listEsimProfiles({ order_id: order.id })
      iccid = profile.iccid
      sandbox.current().installEsim(iccid)
    })

    async function createCart(headers: RequestConfig): Promise<string> {
      const body = { region_id: seed.region.id, sales_channel_id: seed.salesChannel.id }
      const { cart } = await request<HttpTypes.StoreCartResponse>("create cart", () =>
        api.post("/store/carts", body, headers)
      )
      return cart.id
    }

    async function offers(headers: RequestConfig, query: string): Promise<Reply> {
      return http.get(`/store/esims/${iccid}/top-ups?${query}`, anyStatus(headers))
    }

    async function addTopUp(cartId: string, headers: RequestConfig, body: object): Promise<Reply> {
      return http.post(`/store/carts/${cartId}/esim-top-ups`, body, anyStatus(headers))
    }

    /** The shopper's whole path: cart, top-up line, payment, complete; resolves once order.placed ran. */
    async function buyTopUpThroughCart(headers = owner.headers): Promise<HttpTypes.StoreOrder> {
      const cartId = await createCart(headers)
      const added = await addTopUp(cartId, headers, { iccid, package_code: TOP_UP_PACKAGE })
      expect(added.status).toBe(200)
      await payWithSystemProvider(api, cartId, headers)
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const order = await completeCart(api, cartId, headers)
      await placed
      return order
    }

    type StoreEsimSeen = { iccid: string; status: string; data: { total_mb: number | null }; top_ups: StoreTopUp[] }

    async function storeEsim(): Promise<StoreEsimSeen | undefined> {
      const mine = await http.get("/store/customers/me/esims", anyStatus(owner.headers))
      expect(mine.status).toBe(200)
      return (mine.data.esims as StoreEsimSeen[]).find((esim) => esim.iccid === iccid)
    }

    async function storeTopUps(): Promise<StoreTopUp[]> {
      return (await storeEsim())?.top_ups ?? []
    }

    async function toppedUpEmails(container: MedusaContainer, email: string) {
      const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: email })
      return sent.filter((n) => n.template === "esim-topped-up")
    }

    it("lists the eSIM's top-ups at the store's price, asks esimfly once per ICCID in 10 minutes, and refuses a missing currency naming it", async () => {
      const cartId = await createCart(owner.headers)
      const first = await offers(owner.headers, `cart_id=${cartId}`)
      const second = await offers(owner.headers, "currency_code=USD")
      expect(first.status).toBe(200)
      const listed = first.data.top_ups as Offer[]
      const cost = sandbox
        .current()
        .packages()
        .find((pkg) => pkg.package_code === TOP_UP_PACKAGE)?.cost
      const offer = listed.find((candidate) => candidate.package_code === TOP_UP_PACKAGE)
      expect(offer).toMatchObject({ currency_code: "usd", data_mb: 3 * 1024 })
      expect(offer?.price).toBeGreaterThan(Number(cost))
      expect(first.data.toppable).toBe(true)
      expect(second.data.top_ups).toEqual(listed)
      expect(packageListings()).toHaveLength(1)

      const missing = await offers(owner.headers, "")
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("currency_code")
    })

    it("answers 200 with an empty list and a reason when esimfly fails (not cached), and toppable: false on ESIM_NOT_TOPPABLE (cached)", async () => {
      const faults = sandbox.current().faults
      faults.failNext({ count: 10, status: 500, path: "/topup/packages" })
      const down = await offers(owner.headers, "currency_code=usd")
      faults.reset()
      faults.failNext({ status: 400, code: "ESIM_NOT_TOPPABLE", path: "/topup/packages" })
      const refused = await offers(owner.headers, "currency_code=usd")
      const cached = await offers(owner.headers, "currency_code=usd")

      expect(down.status).toBe(200)
      expect(down.data).toMatchObject({ toppable: null, top_ups: [] })
      expect(down.data.reason).toEqual(expect.any(String))
      expect(refused.status).toBe(200)
      expect(refused.data).toMatchObject({ toppable: false, top_ups: [], reason: "This eSIM cannot be topped up." })
      expect(cached.data).toEqual(refused.data)
    })

    it("adds a top-up at the server's price with no shipping, refuses a price from the shopper and a package not offered", async () => {
      const cartId = await createCart(owner.headers)
      const priced = await addTopUp(cartId, owner.headers, { iccid, package_code: TOP_UP_PACKAGE, unit_price: 0.01 })
      expect(priced.status).toBe(400)
      const unknown = await addTopUp(cartId, owner.headers, { iccid, package_code: "XX-NOPE" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("package_code")

      const added = await addTopUp(cartId, owner.headers, { iccid, package_code: TOP_UP_PACKAGE })
      expect(added.status).toBe(200)
      const listed = (await offers(owner.headers, `cart_id=${cartId}`)).data.top_ups as Offer[]
      const price = listed.find((offer) => offer.package_code === TOP_UP_PACKAGE)?.price
      const cart = added.data.cart as HttpTypes.StoreCart
      expect(cart.items).toHaveLength(1)
      expect(cart.items?.[0]).toMatchObject({ unit_price: price, requires_shipping: false, variant_id: null })
      expect(cart.items?.[0].metadata?.esim_top_up).toMatchObject({ iccid, package_code: TOP_UP_PACKAGE })
    })

    it("buys a top-up through a cart with one POST /topup/order: the data total grows on the store route, the top-up shows bought there, one email", async () => {
      const [before] = await esimModule().listEsimProfiles({ iccid })
      await esimModule().updateEsimProfiles({ id: before.id, lifecycle_status: "depleted" })
      sandbox.current().depleteEsim(iccid)

      const order = await buyTopUpThroughCart()

      expect(topUpOrders()).toHaveLength(1)
      expect(sandbox.current().ledger().topups).toHaveLength(1)
      const [topUp] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(topUp).toMatchObject({ status: "bought", iccid, package_code: TOP_UP_PACKAGE, email: "owner@esim.test" })
      expect(topUp.total_mb_after).toBeGreaterThan(Number(topUp.total_mb_before))
      const [after] = await esimModule().listEsimProfiles({ iccid })
      expect(after.total_mb).toBe(topUp.total_mb_after)
      expect(after.lifecycle_status).toBe("active")
      const seen = await storeEsim()
      expect(seen?.status).toBe("active")
      expect(seen?.data.total_mb).toBe(topUp.total_mb_after)
      expect(seen?.data.total_mb).toBeGreaterThan(Number(topUp.total_mb_before))
      expect(await storeTopUps()).toEqual([
        expect.objectContaining({ id: topUp.id, package_code: TOP_UP_PACKAGE, status: "bought", data_mb: 3 * 1024 }),
      ])
      expect(await toppedUpEmails(getContainer(), "owner@esim.test")).toHaveLength(1)
    })

    it("buys, once, the top-up of an order whose order.placed never arrived, when the catch-up job runs", async () => {
      const container = getContainer()
      const currency_code = seed.region.currency_code
      const line = { iccid, package_code: TOP_UP_PACKAGE, unit_price: 12, currency_code }
      const seal = sealTopUpLine(esimModule().getOptions().secretKey, line)
      const metadata = {
        [TOP_UP_METADATA_KEY]: { iccid, package_code: TOP_UP_PACKAGE, seal, package_name: null, data_mb: null },
      }
      // createOrderWorkflow emits no order.placed: exactly what a lost event leaves behind.
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id: seed.region.id,
          sales_channel_id: seed.salesChannel.id,
          customer_id: owner.id,
          email: "owner@esim.test",
          currency_code,
          items: [{ title: "Top-up", quantity: 1, unit_price: 12, requires_shipping: false, metadata }],
        },
      })
      expect(await esimModule().listEsimTopUps({ order_id: order.id })).toHaveLength(0)

      const later = new Date(Date.now() + 5 * 60 * 1000).toISOString()
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })
      await catchUpEsimOrdersWorkflow(container).run({ input: { now: later } })

      const topUps = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(topUps).toEqual([expect.objectContaining({ status: "bought", iccid, package_code: TOP_UP_PACKAGE })])
      expect(topUpOrders()).toHaveLength(1)
    })

    it("records once and sends once when order.placed is delivered again", async () => {
      const order = await buyTopUpThroughCart()
      await buyEsimTopUpsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      const replayed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "order.placed", data: { id: order.id } })
      await replayed

      expect(await esimModule().listEsimTopUps({ order_id: order.id })).toHaveLength(1)
      expect(topUpOrders()).toHaveLength(1)
      expect(await toppedUpEmails(getContainer(), "owner@esim.test")).toHaveLength(1)
    })

    it("settles a top-up whose reply was dropped after commit from total_mb: one top-up in the ledger, no second call", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/topup/order", method: "POST" })

      const order = await buyTopUpThroughCart()

      expect(sandbox.current().ledger().topups).toHaveLength(1)
      expect(topUpOrders()).toHaveLength(1)
      const [topUp] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(topUp).toMatchObject({ status: "bought", esimfly_order_reference: null, error_code: null })
      expect(topUp.total_mb_after).toBeGreaterThan(Number(topUp.total_mb_before))
      expect(await toppedUpEmails(getContainer(), "owner@esim.test")).toHaveLength(1)
    })

    it("holds a top-up visibly on INSUFFICIENT_BALANCE, and a cancel before it is bought cancels it for good", async () => {
      sandbox.current().setBalance(0)
      const order = await buyTopUpThroughCart()

      const [held] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(held).toMatchObject({ status: "held", error_code: "INSUFFICIENT_BALANCE" })
      expect(await storeTopUps()).toEqual([expect.objectContaining({ status: "held" })])
      expect(sandbox.current().ledger().topups).toHaveLength(0)

      const admin = adminHeaders(await createAdminToken(getContainer()))
      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      await request("cancel order", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin))
      await canceled
      sandbox.current().setBalance(1000)
      await buyEsimTopUpsWorkflow(getContainer()).run({ input: { order_id: order.id } })

      const [after] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(after.status).toBe("canceled")
      expect(sandbox.current().ledger().topups).toHaveLength(0)
      expect(topUpOrders()).toHaveLength(1)
      expect(await toppedUpEmails(getContainer(), "owner@esim.test")).toHaveLength(0)
    })

    it("releases a held top-up by the admin's retry once the balance is loaded: bought with one more POST, emailed once, listed for the admin", async () => {
      sandbox.current().setBalance(0)
      const order = await buyTopUpThroughCart()
      const [held] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(held.status).toBe("held")
      const admin = adminHeaders(await createAdminToken(getContainer()))

      sandbox.current().setBalance(1000)
      const retried = await request<{ esim_top_up: { status: string } }>("retry", () =>
        api.post(`/admin/esim-top-ups/${held.id}/retry`, {}, admin)
      )
      const again = await http.post(`/admin/esim-top-ups/${held.id}/retry`, {}, anyStatus(admin))

      expect(retried.esim_top_up.status).toBe("bought")
      expect(again.status).toBe(400)
      expect(topUpOrders()).toHaveLength(2)
      expect(sandbox.current().ledger().topups).toHaveLength(1)
      expect(await toppedUpEmails(getContainer(), "owner@esim.test")).toHaveLength(1)
      const listed = await request<{ esim_top_ups: { id: string; status: string }[] }>("list", () =>
        api.get(`/admin/esim-top-ups?iccid=${iccid}`, admin)
      )
      expect(listed.esim_top_ups).toEqual([expect.objectContaining({ id: held.id, status: "bought" })])
    })

    it("cancels an order whose top-up is bought with no esimfly call: the top-up stays bought", async () => {
      const order = await buyTopUpThroughCart()
      const calls = sandbox.current().ledger().requests.length
      const admin = adminHeaders(await createAdminToken(getContainer()))

      const canceled = waitForEvent(getContainer(), "order.canceled", { timeout: 60_000 })
      await request("cancel order", () => api.post(`/admin/orders/${order.id}/cancel`, {}, admin))
      await canceled

      expect(sandbox.current().ledger().requests).toHaveLength(calls)
      const [topUp] = await esimModule().listEsimTopUps({ order_id: order.id })
      expect(topUp.status).toBe("bought")
      expect(topUp.cancel_requested_at).not.toBeNull()
    })

    it("settles an unknown top-up by the job from total_mb alone: unknown while usage may lag, then failed TOPUP_NOT_APPLIED when the total did not grow, bought when it did", async () => {
      sandbox.current().setBalance(0)
      const order = await buyTopUpThroughCart()
      const [topUp] = await esimModule().listEsimTopUps({ order_id: order.id })
      const [profile] = await esimModule().listEsimProfiles({ iccid })
      const posts = topUpOrders().length
      const settle = (wait?: number) =>
        settleEsimTopUpsWorkflow(getContainer()).run({ input: { grace_ms: 0, not_applied_after_ms: wait } })

      await esimModule().updateEsimTopUps({ id: topUp.id, status: "unknown", total_mb_before: profile.total_mb })
      await settle()
      const [lagging] = await esimModule().listEsimTopUps({ id: topUp.id })
      await settle(0)
      const [notApplied] = await esimModule().listEsimTopUps({ id: topUp.id })
      await esimModule().updateEsimTopUps({
        id: topUp.id,
        status: "unknown",
        total_mb_before: Number(profile.total_mb) - 1,
      })
      await settle()
      const [applied] = await esimModule().listEsimTopUps({ id: topUp.id })

      expect(lagging.status).toBe("unknown")
      expect(notApplied).toMatchObject({ status: "failed", error_code: "TOPUP_NOT_APPLIED" })
      expect(applied).toMatchObject({ status: "bought", total_mb_after: profile.total_mb, error_code: null })
      expect(topUpOrders()).toHaveLength(posts)
    })

    it("lets a guest with the order's token (x-esim-access-token) list and add a top-up, and answers 404 without it", async () => {
      const guestPlaced = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const lines = [{ variantId: seed.esimProducts[ESIM_PACKAGE].variant.id, quantity: 1 }]
      const { order } = await checkoutEsimCart(api, seed, { lines, email: "guest@esim.test" })
      await guestPlaced
      const [guestEsim] = await esimModule().listEsimProfiles({ order_id: order.id })
      sandbox.current().installEsim(guestEsim.iccid)
      const token = "guest-token-for-the-top-up-spec-0123456789abcdef"
      const [delivery] = await esimModule().listEsimDeliveries({ order_id: order.id })
      await esimModule().updateEsimDeliveries({ id: delivery.id, access_token_hash: hashAccessToken(token) })
      iccid = guestEsim.iccid
      const guest = storeHeaders(seed.publishableKey.token)
      const withToken = { headers: { ...guest.headers, "x-esim-access-token": token } }
      const cartId = await createCart(guest)

      const refused = await offers(guest, "currency_code=usd")
      const listed = await offers(withToken, `cart_id=${cartId}`)
      const added = await addTopUp(cartId, withToken, { iccid, package_code: TOP_UP_PACKAGE })

      expect([refused.status, listed.status, added.status]).toEqual([404, 200, 200])
      expect((added.data.cart as HttpTypes.StoreCart).items).toHaveLength(1)
    })

    it("answers another customer 404 on the ICCID's top-up list and refuses the top-up in their cart with 404", async () => {
      const other = await createCustomer(getContainer(), seed, { email: "other@esim.test" })
      const cartId = await createCart(other.headers)

      const listed = await offers(other.headers, "currency_code=usd")
      const added = await addTopUp(cartId, other.headers, { iccid, package_code: TOP_UP_PACKAGE })
      const guest = await offers({ headers: { ...other.headers.headers, authorization: "" } }, "currency_code=usd")

      expect([listed.status, added.status, guest.status]).toEqual([404, 404, 404])
      expect(listed.data.message).toBe(`eSIM with ICCID: ${iccid} was not found`)
      expect(added.data.message).toBe(`eSIM with ICCID: ${iccid} was not found`)
      const cart = await request<HttpTypes.StoreCartResponse>("get cart", () =>
        api.get(`/store/carts/${cartId}`, other.headers)
      )
      expect(cart.cart.items ?? []).toHaveLength(0)
      expect(packageListings()).toHaveLength(0)
    })
  },
})
