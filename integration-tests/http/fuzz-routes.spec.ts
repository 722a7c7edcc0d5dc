import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminToken, createCustomer, seedEsimStore, storeHeaders } from "../fixtures/esim-store"
import { RequestConfig } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(300 * 1000)

const sandbox = useSandbox()

/** Hostile values: wrong types, huge values, SQL, HTML, bad ids, odd unicode. */
const HOSTILE: string[] = [
  "", " ", "-1", "0", "1e309", "NaN", "Infinity", "99999999999999999999", "1.5", "true", "null", "[]", "{}",
  "' OR 1=1 --", "\"; DROP TABLE esim_order; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
  "../../etc/passwd", "%00", "x".repeat(5000), "😀", "\u0000", "2026-02-30", "2026-13-01T99:99:99Z", "abc",
]

const QUERY_ROUTES = [
  ["admin", "/admin/esimfly/balance", ["refresh", "foo"]],
  ["admin", "/admin/esimfly/orders", ["page", "limit", "status", "from_date", "to_date", "search", "sort_by", "sort_order", "foo"]],
  ["admin", "/admin/esimfly/profit", ["from_date", "to_date", "foo"]],
  ["admin", "/admin/esimfly/packages", ["search", "type", "country", "page", "limit", "foo"]],
  ["admin", "/admin/esimfly/orphans", ["from_date", "to_date", "foo"]],
  ["admin", "/admin/esim-orders", ["status", "order_id", "from_date", "to_date", "limit", "offset", "foo"]],
  ["store", "/store/customers/me/esims", ["limit", "offset", "order_id", "foo"]],
  ["store", "/store/orders/order_123/esims", ["token", "foo"]],
] as const

const BAD_IDS = ["esord_missing", "' OR 1=1 --", "<b>x</b>", "x".repeat(300), "%2e%2e", "😀", "\u0000", "order\u0000x"]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    it("answers every hostile request with a 4xx that changes nothing, never a 500", async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      const admin = adminHeaders(await createAdminToken(container))
      const customer = await createCustomer(container, seed, { email: "fuzz@esim.test" })
      const anonymousStore = storeHeaders(seed.publishableKey.token)
      const auth = (side: string, i: number): RequestConfig => (side === "admin" ? admin : i % 2 ? customer.headers : anonymousStore)
      const answers: { request: string; status: number }[] = []
      const send = async (request: string, call: () => Promise<{ status: number }>) => answers.push({ request, status: (await call()).status })
      const options = (config: RequestConfig) => ({ ...config, validateStatus: () => true })

      let i = 0
      for (const [side, path, params] of QUERY_ROUTES) {
        for (const param of params) {
          for (const value of HOSTILE) {
            const url = `${path}?${encodeURIComponent(param)}=${encodeURIComponent(value)}`
            await send(`GET ${url.slice(0, 80)}`, () => api.get(url, options(auth(side, i++))))
          }
        }
      }
      for (const id of BAD_IDS) {
        const safe = encodeURIComponent(id)
        await send(`GET /admin/esim-orders/${id}`, () => api.get(`/admin/esim-orders/${safe}`, options(admin)))
        for (const action of ["retry", "resend"]) {
          await send(`POST ${action} ${id}`, () => api.post(`/admin/esim-orders/${safe}/${action}`, {}, options(admin)))
          await send(`POST ${action} ${id} body`, () => api.post(`/admin/esim-orders/${safe}/${action}`, { id, quantity: -1, "<x>": "<script>" }, options(admin)))
        }
        await send(`GET store order ${id}`, () => api.get(`/store/orders/${safe}/esims?token=${safe}`, options(anonymousStore)))
      }
      // Free-text values (a search for "<b>") are fine and may answer 200; nothing may answer 5xx.
      const failures = answers.filter((a) => a.status >= 500)
      expect(answers.length).toBeGreaterThanOrEqual(500)
      expect(failures).toEqual([])
      expect(sandbox.current().ledger().orders).toHaveLength(0)
      expect(sandbox.current().ledger().requests.filter((r) => r.method === "POST")).toHaveLength(0)
    })
  },
})
