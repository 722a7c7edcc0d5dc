import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkoutEsimCart, seedEsimStore, storeHeaders, waitForOrderPlaced } from "../fixtures/esim-store"
import { recordNotifications, tokenFromEmailLink, withPublicBackendUrl } from "../fixtures/notifications"
import { captureServerLog, withAccessLog } from "../fixtures/server-log"
import { createChannelWithKey } from "../fixtures/store-setup"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

withAccessLog()

const sandbox = useSandbox()

type Page = { status: number; headers: Record<string, string>; data: string }
type Raw = { get(url: string, config: object): Promise<Page> }
type Embedded = { order_id: string; found: boolean; publishable_key: string | null; locale: string }

const embedded = (html: string): Embedded =>
  JSON.parse(/<script type="application\/json" id="esim-config">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "null")

const PAGE_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
}

function expectPageHeaders(page: Page) {
  expect(page.status).toBe(200)
  expect(page.headers["content-type"]).toMatch(/^text\/html; charset=utf-8/)
  expect(page.headers).toMatchObject(PAGE_HEADERS)
  expect(page.headers["content-security-policy"]).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; /)
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const raw = api as unknown as Raw
    const getPage = (path: string) => raw.get(path, { validateStatus: () => true, responseType: "text" })

    it("serves the page that the delivery email links to, with the order channel's key and no eSIM data, and writes no token to the log", async () => {
      sandbox.current().reset()
      const container = getContainer()
      // An older key on another channel: the page must still embed the order channel's key.
      const other = await createChannelWithKey(container)
      const seed = await seedEsimStore(container, { packageCodes: ["TR1GB7D"] })
      const sent = recordNotifications(container)
      const restoreBackendUrl = withPublicBackendUrl(container, "https://shop.esim.test")
      let token = ""
      let link = ""
      let orderId = ""
      let page = {} as Page
      let esims: { iccid: string; lpa: string; activation_code: string }[] = []

      const log = await captureServerLog(container.resolve(ContainerRegistrationKeys.LOGGER), async () => {
        const placed = waitForOrderPlaced(container, { timeout: 60_000 })
        const lines = [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 1 }]
        const { order } = await checkoutEsimCart(api, seed, { lines, email: "page@esim.test" })
        await placed
        orderId = order.id
        const html = sent.find((n) => n.template === "esim-delivered")?.content?.html
        token = tokenFromEmailLink(html)
        link = /href="([^"]*#token=[^"]*)"/.exec(html ?? "")?.[1] ?? ""
        page = await getPage(`/esim/orders/${order.id}`)
        // What the page's script then asks, with the token from the fragment in a header.
        const headers = { ...storeHeaders(seed.publishableKey.token).headers, "x-esim-access-token": token }
        esims = (await api.get<{ esims: typeof esims }>(`/store/orders/${order.id}/esims`, { headers })).data.esims
      }).finally(restoreBackendUrl)

      expect(link.startsWith(`https://shop.esim.test/esim/orders/${orderId}#token=`)).toBe(true)
      expectPageHeaders(page)
      const config = embedded(page.data)
      expect(config).toMatchObject({ order_id: orderId, found: true, publishable_key: seed.publishableKey.token })
      expect(page.data).not.toContain(other.publishableKey.token)
      expect(esims).toHaveLength(1)
      for (const secret of [token, esims[0].iccid, esims[0].lpa, esims[0].activation_code]) {
        expect(page.data).not.toContain(secret)
      }
      expect(token.length).toBeGreaterThanOrEqual(43)
      expect(log).toContain(`/esim/orders/${orderId}`)
      expect(log).not.toContain(token)
      expect(log).not.toContain(encodeURIComponent(token))
    })

    it("serves the same shell, marked not found and with no key, for an unknown or malformed order id", async () => {
      const seed = await seedEsimStore(getContainer(), { packageCodes: ["TR1GB7D"] })
      for (const path of ["/esim/orders/order_01UNKNOWN", `/esim/orders/${encodeURIComponent("</script><b>x")}`]) {
        const page = await getPage(path)
        expectPageHeaders(page)
        expect(embedded(page.data)).toMatchObject({ found: false, publishable_key: null })
        expect(page.data).not.toContain(seed.publishableKey.token)
        expect(page.data).not.toContain("<b>x")
      }
    })

    it("is right-to-left in Arabic with ?lang=ar, and English by default", async () => {
      const arabic = await getPage("/esim/orders/order_01UNKNOWN?lang=ar")
      expect(arabic.data).toContain('<html lang="ar" dir="rtl">')
      expect(embedded(arabic.data).locale).toBe("ar")
      const english = await getPage("/esim/orders/order_01UNKNOWN")
      expect(english.data).toContain('<html lang="en" dir="ltr">')
    })
  },
})
