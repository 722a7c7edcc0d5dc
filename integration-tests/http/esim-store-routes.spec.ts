import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import {
  adminHeaders,
  checkoutEsimCart,
  createAdminToken,
  createCustomer,
  RequestConfig,
  seedEsimStore,
  SeededEsimStore,
  storeHeaders,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import {
  recordNotifications,
  SentNotification,
  tokenFromEmailLink,
  withPublicBackendUrl,
} from "../fixtures/notifications"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

/** Where the eSIM page lives in these tests: the email links to it with the token in the fragment. */
const PUBLIC_URL = "https://shop.esim.test"

type StoreEsimBody = Record<string, unknown> & { id: string; iccid: string; lpa: string; qr_code_data_url: string }
type Reply = { status: number; data: Record<string, unknown>; headers: Record<string, string> }
type CallConfig = RequestConfig & { validateStatus: (status: number) => boolean }
type Api = { get: (url: string, config: CallConfig) => Promise<Reply> }

const STORE_ESIM_FIELDS = [
  "id",
  "order_id",
  "line_item_id",
  "iccid",
  "status",
  "package_code",
  "package_name",
  "data_amount",
  "validity_days",
  "lpa",
  "smdp_address",
  "activation_code",
  "apple_install_url",
  "android_install_url",
  "qr_code_data_url",
  "created_at",
  "installed_at",
  "expires_at",
  "data",
  "top_ups",
].sort()

/** Any status, never a throw: the tests assert on 4xx replies. */
async function call(api: Api, url: string, config: RequestConfig): Promise<Reply> {
  return api.get(url, { ...config, validateStatus: () => true })
}

function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

/** The guest token travels only in the sent email's page link (stored data never holds it, no text prints it). */
async function deliveryToken(
  container: MedusaContainer,
  email: string,
  sent: SentNotification[],
  nth = 1
): Promise<string> {
  const delivered = sent.filter((n) => n.to === email && n.template === "esim-delivered")
  expect(delivered).toHaveLength(nth)
  const stored = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: email })
  const content = delivered[nth - 1].content
  const token = tokenFromEmailLink(content?.html)
  expect(token.length).toBeGreaterThanOrEqual(43)
  expect(content?.text).toContain(`${PUBLIC_URL}/esim/orders/`)
  expect(content?.text?.split(token)).toHaveLength(2)
  expect(JSON.stringify(stored)).not.toContain(token)
  return token
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let anonymous: RequestConfig

    let restoreBackendUrl = () => {}

    beforeAll(() => {
      restoreBackendUrl = withPublicBackendUrl(getContainer(), PUBLIC_URL)
    })
    afterAll(() => restoreBackendUrl())
    afterEach(() => jest.restoreAllMocks())

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: ["TR1GB7D"] })
      anonymous = storeHeaders(seed.publishableKey.token)
    })

    async function placeOrder(input: { customerHeaders?: RequestConfig; email?: string; locale?: string }) {
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const lines = [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }]
      const { order } = await checkoutEsimCart(api, seed, { lines, ...input })
      await placed
      return order
    }

    it("lists a customer's own eSIMs, uncached, with a QR code that decodes to the LPA", async () => {
      const customer = await createCustomer(getContainer(), seed, { email: "owner@esim.test" })
      const order = await placeOrder({ customerHeaders: customer.headers })

      const mine = await call(api, "/store/customers/me/esims", customer.headers)
      expect(mine.status).toBe(200)
      expect(mine.headers["cache-control"]).toContain("no-store")
      expect(mine.data).toMatchObject({ count: 1, limit: 20, offset: 0 })
      const [esim] = mine.data.esims as StoreEsimBody[]
      expect(Object.keys(esim).sort()).toEqual(STORE_ESIM_FIELDS)
      const lpa = expect.stringMatching(/^LPA:1\$/)
      expect(esim).toMatchObject({ order_id: order.id, package_code: "TR1GB7D", lpa })
      expect(esim.qr_code_data_url).toMatch(/^data:image\/png;base64,/)
      expect(decodeQr(esim.qr_code_data_url)).toBe(esim.lpa)

      const byOrder = await call(api, `/store/orders/${order.id}/esims`, customer.headers)
      expect(byOrder.status).toBe(200)
      expect(byOrder.headers["cache-control"]).toContain("no-store")
      expect(byOrder.data).toEqual({ esims: [esim] })

      const filtered = await call(api, `/store/customers/me/esims?order_id=${order.id}&limit=1`, customer.headers)
      expect(filtered.data).toMatchObject({ count: 1, limit: 1, esims: [{ id: esim.id }] })
      const otherOrder = await call(api, "/store/customers/me/esims?order_id=order_none", customer.headers)
      expect(otherOrder.data).toMatchObject({ count: 0, esims: [] })
      const nextPage = await call(api, "/store/customers/me/esims?offset=1", customer.headers)
      expect(nextPage.data).toMatchObject({ count: 1, offset: 1, esims: [] })
    })

    it("opens a guest order's eSIMs with the emailed token only and tells everyone else it does not exist", async () => {
      const sent = recordNotifications(getContainer())
      const order = await placeOrder({ email: "guest@esim.test" })
      const token = await deliveryToken(getContainer(), "guest@esim.test", sent)
      const stranger = await createCustomer(getContainer(), seed, { email: "stranger@esim.test" })
      const url = `/store/orders/${order.id}/esims`

      const withHeader = await call(api, url, { headers: { ...anonymous.headers, "x-esim-access-token": token } })
      expect(withHeader.status).toBe(200)
      expect(withHeader.headers["cache-control"]).toContain("no-store")
      const [esim] = withHeader.data.esims as StoreEsimBody[]
      expect(esim).toMatchObject({ order_id: order.id, lpa: expect.stringMatching(/^LPA:1\$/) })
      expect(decodeQr(esim.qr_code_data_url)).toBe(esim.lpa)
      for (const query of [token, "wrong", esim.iccid]) {
        const withQuery = await call(api, `${url}?token=${encodeURIComponent(query)}`, anonymous)
        expect({ status: withQuery.status, type: withQuery.data.type }).toEqual({ status: 400, type: "invalid_data" })
        expect(withQuery.data.message).toMatch(/token/)
        expect(withQuery.data.message).toContain("x-esim-access-token")
        expect(JSON.stringify(withQuery.data)).not.toContain(esim.lpa)
        expect(JSON.stringify(withQuery.data)).not.toContain(query)
      }

      const unknown = await call(api, "/store/orders/order_01UNKNOWN/esims", anonymous)
      expect(unknown.status).toBe(404)
      const hidden = (reply: Reply, id: string) => ({
        ...reply.data,
        message: String(reply.data.message).replace(id, "<id>"),
      })
      const denials = [
        await call(api, url, anonymous),
        await call(api, url, { headers: { ...anonymous.headers, "x-esim-access-token": `${token}x` } }),
        await call(api, url, { headers: { ...anonymous.headers, "x-esim-access-token": esim.iccid } }),
        await call(api, url, stranger.headers),
      ]
      for (const denial of denials) {
        expect(denial.status).toBe(404)
        expect(denial.headers["cache-control"]).toContain("no-store")
        expect(hidden(denial, order.id)).toEqual(hidden(unknown, "order_01UNKNOWN"))
        expect(JSON.stringify(denial.data)).not.toContain(esim.iccid)
      }

      const anonymousList = await call(api, "/store/customers/me/esims", anonymous)
      expect(anonymousList.status).toBe(401)
      expect(anonymousList.headers["cache-control"]).toContain("no-store")
      expect(anonymousList.data.esims).toBeUndefined()
      const strangerList = await call(api, "/store/customers/me/esims", stranger.headers)
      expect(strangerList.data).toMatchObject({ count: 0, esims: [] })
    })

    it("writes the email in the order's locale (a cart in ar-SA: Arabic, rtl) under the store's name, the token only in the page link", async () => {
      const sent = recordNotifications(getContainer())
      const order = await placeOrder({ email: "arabic@esim.test", locale: "ar-SA" })
      const token = await deliveryToken(getContainer(), "arabic@esim.test", sent)
      const [store] = await getContainer()
        .resolve(Modules.STORE)
        .listStores({}, { select: ["name"] })
      const email = sent.find((n) => n.to === "arabic@esim.test" && n.template === "esim-delivered")
      expect(email?.content?.html).toContain('<html lang="ar" dir="rtl">')
      expect(email?.content?.html).toContain("التثبيت على iPhone")
      expect(email?.content?.html).toContain(`href="${PUBLIC_URL}/esim/orders/${order.id}#token=${token}"`)
      expect(email?.data).toMatchObject({ locale: "ar", dir: "rtl", store_name: store.name })
      const read = await call(api, `/store/orders/${order.id}/esims`, {
        headers: { ...anonymous.headers, "x-esim-access-token": token },
      })
      expect(read.status).toBe(200)
    })

    it("stops opening a guest order's eSIMs once the token has expired, and gives out a token valid for guestAccessTtlDays (90)", async () => {
      const sent = recordNotifications(getContainer())
      const order = await placeOrder({ email: "late@esim.test" })
      const token = await deliveryToken(getContainer(), "late@esim.test", sent)
      const url = `/store/orders/${order.id}/esims`
      const withToken = { headers: { ...anonymous.headers, "x-esim-access-token": token } }
      expect((await call(api, url, withToken)).status).toBe(200)

      const esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      const [delivery] = await esim.listEsimDeliveries({ order_id: order.id })
      const days = (new Date(delivery.access_token_expires_at).getTime() - Date.now()) / 86_400_000
      expect(Math.round(days)).toBe(90)
      await esim.updateEsimDeliveries({ id: delivery.id, access_token_expires_at: new Date(Date.now() - 1000) })
      const expired = await call(api, url, withToken)
      expect(expired.status).toBe(404)
      expect(JSON.stringify(expired.data)).not.toContain("LPA:1")
    })

    it("issues a fresh token with a fresh expiry on resend; the old token stops working", async () => {
      const sent = recordNotifications(getContainer())
      const order = await placeOrder({ email: "again@esim.test" })
      const first = await deliveryToken(getContainer(), "again@esim.test", sent)
      const esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      const [delivery] = await esim.listEsimDeliveries({ order_id: order.id })
      await esim.updateEsimDeliveries({ id: delivery.id, access_token_expires_at: new Date(Date.now() + 60_000) })
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })

      const admin = adminHeaders(await createAdminToken(getContainer()))
      expect((await api.post(`/admin/esim-orders/${esimOrder.id}/resend`, {}, admin)).status).toBe(200)
      const second = await deliveryToken(getContainer(), "again@esim.test", sent, 2)
      expect(second).not.toBe(first)
      const [renewed] = await esim.listEsimDeliveries({ order_id: order.id })
      expect(new Date(renewed.access_token_expires_at).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000)

      const url = `/store/orders/${order.id}/esims`
      const read = (token: string) =>
        call(api, url, { headers: { ...anonymous.headers, "x-esim-access-token": token } })
      expect((await read(first)).status).toBe(404)
      expect((await read(second)).status).toBe(200)
    })

    it("follows the order's current customer: after the order changes hands the old customer sees nothing and the new one sees the eSIMs", async () => {
      const seller = await createCustomer(getContainer(), seed, { email: "seller@esim.test" })
      const buyer = await createCustomer(getContainer(), seed, { email: "buyer@esim.test" })
      const order = await placeOrder({ customerHeaders: seller.headers })
      const url = `/store/orders/${order.id}/esims`
      expect((await call(api, "/store/customers/me/esims", seller.headers)).data).toMatchObject({ count: 1 })

      await getContainer()
        .resolve(Modules.ORDER)
        .updateOrders([{ id: order.id, customer_id: buyer.customer.id }])

      const sellerList = await call(api, "/store/customers/me/esims", seller.headers)
      expect(sellerList.data).toMatchObject({ count: 0, esims: [] })
      const sellerFiltered = await call(api, `/store/customers/me/esims?order_id=${order.id}`, seller.headers)
      expect(sellerFiltered.data).toMatchObject({ count: 0, esims: [] })
      expect((await call(api, url, seller.headers)).status).toBe(404)

      const buyerList = await call(api, "/store/customers/me/esims", buyer.headers)
      expect(buyerList.data).toMatchObject({ count: 1, esims: [{ order_id: order.id }] })
      const buyerOrder = await call(api, url, buyer.headers)
      expect(buyerOrder.status).toBe(200)
      expect(buyerOrder.data.esims).toEqual(buyerList.data.esims)
    })

    it("answers 400 naming the field for bad parameters and without a publishable key", async () => {
      const customer = await createCustomer(getContainer(), seed)
      const cases: [string, RegExp][] = [
        ["limit=1000", /limit/],
        ["limit=0", /limit/],
        ["limit=abc", /limit/],
        ["offset=-1", /offset/],
        ["foo=1", /foo/],
      ]
      for (const [params, field] of cases) {
        const reply = await call(api, `/store/customers/me/esims?${params}`, customer.headers)
        const outcome = { params, status: reply.status, type: reply.data.type }
        expect(outcome).toEqual({ params, status: 400, type: "invalid_data" })
        expect(reply.data.message).toMatch(field)
      }
      const unknownParam = await call(api, "/store/orders/order_01UNKNOWN/esims?foo=1", anonymous)
      expect(unknownParam.status).toBe(400)
      expect(unknownParam.data.message).toMatch(/foo/)
      const bearerOnly = { headers: { authorization: `Bearer ${customer.token}` } }
      const withoutKey = await call(api, "/store/customers/me/esims", bearerOnly)
      expect(withoutKey.status).toBe(400)
      expect(withoutKey.data.message).toMatch(/publishable/i)
    })
  },
})
