import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminToken, createCustomer, seedEsimStore, storeHeaders } from "../fixtures/esim-store"
import { RequestConfig } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(300 * 1000)

const sandbox = useSandbox()

/** Hostile values: wrong types, huge values, SQL, HTML, bad ids, odd unicode. */
const HOSTILE: string[] = [
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "1.5",
  "true",
  "null",
  "[]",
  "{}",
  "' OR 1=1 --",
  '"; DROP TABLE esim_order; --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../etc/passwd",
  "%00",
  "x".repeat(5000),
  "😀",
  "\u0000",
  "2026-02-30",
  "2026-13-01T99:99:99Z",
  "abc",
]

const QUERY_ROUTES = [
  ["admin", "/admin/esimfly/balance", ["refresh", "foo"]],
  [
    "admin",
    "/admin/esimfly/orders",
    ["page", "limit", "status", "from_date", "to_date", "search", "sort_by", "sort_order", "foo"],
  ],
  ["admin", "/admin/esimfly/profit", ["from_date", "to_date", "foo"]],
  ["admin", "/admin/esimfly/packages", ["search", "type", "country", "page", "limit", "foo"]],
  ["admin", "/admin/esimfly/orphans", ["from_date", "to_date", "foo"]],
  ["admin", "/admin/esim-orders", ["status", "order_id", "from_date", "to_date", "limit", "offset", "foo"]],
  ["customer", "/store/customers/me/esims", ["limit", "offset", "order_id", "foo"]],
  ["guest", "/store/orders/order_123/esims", ["token", "foo"]],
] as const

const BAD_IDS = ["' OR 1=1 --", "<b>x</b>", "x".repeat(300), "%2e%2e", "😀", "\u0000", "order\u0000x"]
const ID_SHAPED = /^[A-Za-z0-9_-]{1,100}$/

type QueryCase = { side: string; path: string; param: string; value: string }
type Answer = QueryCase & { status: number; message: string }

/** Every hostile value in every query parameter of every route, plus an unknown parameter `foo`. */
const QUERY_CASES: QueryCase[] = QUERY_ROUTES.flatMap(([side, path, params]) =>
  params.flatMap((param) => HOSTILE.map((value) => ({ side, path, param, value })))
)

/**
 * The hostile values a route reads as valid input: free text, an id-shaped filter that matches
 * nothing, `refresh=true`, an offset of 0. Everything else, the impossible date 2026-02-30, an
 * empty offset and unknown parameters included, is a 400 naming the parameter.
 */
function readAsValid({ param, value }: QueryCase): boolean {
  if (param === "search") return value.length <= 200
  if (param === "order_id") return ID_SHAPED.test(value)
  if (param === "refresh") return value === "true"
  return param === "offset" && value === "0"
}

const describeAnswer = (a: Answer) =>
  `${a.status} ${a.path}?${a.param}=${a.value.slice(0, 20)}: ${a.message.slice(0, 80)}`

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const options = (config: RequestConfig) => ({ ...config, validateStatus: () => true })
    let answers: Answer[] = []
    let callers: Record<"admin" | "customer" | "guest", RequestConfig>

    /** Sends every query case once, as the route's caller (admin, logged-in customer, guest). */
    async function sendQueryCases(): Promise<Answer[]> {
      const sent: Answer[] = []
      for (const c of QUERY_CASES) {
        const url = `${c.path}?${encodeURIComponent(c.param)}=${encodeURIComponent(c.value)}`
        const { status, data } = await api.get(url, options(callers[c.side as keyof typeof callers]))
        sent.push({ ...c, status, message: String(data?.message ?? "") })
      }
      return sent
    }

    beforeAll(async () => {
      const container = getContainer()
      const seed = await seedEsimStore(container)
      callers = {
        admin: adminHeaders(await createAdminToken(container)),
        customer: (await createCustomer(container, seed, { email: "fuzz@esim.test" })).headers,
        guest: storeHeaders(seed.publishableKey.token),
      }
      answers = await sendQueryCases()
    })

    it("answers each hostile query value a route does not read as valid with a 400 whose message names the parameter", async () => {
      const refused = answers.filter((a) => !readAsValid(a))
      const wrong = refused.filter((a) => a.status !== 400 || !a.message.includes(`'${a.param}'`))
      expect(answers.length).toBeGreaterThanOrEqual(900)
      expect(refused.length).toBeGreaterThanOrEqual(700)
      expect(wrong.map(describeAnswer)).toEqual([])
      expect(sandbox.current().ledger().orders).toHaveLength(0)
    })

    it("answers 200 to the hostile values a route reads as valid: free text, id-shaped filters, refresh=true and offset=0", async () => {
      const accepted = answers.filter(readAsValid)
      expect(accepted.length).toBeGreaterThanOrEqual(40)
      expect(accepted.filter((a) => a.status !== 200).map(describeAnswer)).toEqual([])
    })

    it("answers 400 naming the query's from_date/to_date, not the esimfly client's fromDate/toDate, to the impossible date 2026-02-30 on each dated route", async () => {
      const impossible = answers.filter((a) => a.param.endsWith("_date") && a.value === "2026-02-30")
      expect(impossible.map((a) => `${a.path} ${a.param}`).sort()).toEqual(
        ["/admin/esim-orders", "/admin/esimfly/orders", "/admin/esimfly/orphans", "/admin/esimfly/profit"].flatMap(
          (path) => [`${path} from_date`, `${path} to_date`]
        )
      )
      expect(
        impossible
          .filter((a) => a.status !== 400 || !a.message.includes(`Field '${a.param}' must be an ISO 8601 date`))
          .map(describeAnswer)
      ).toEqual([])
    })

    it("answers 400 naming the unknown parameter foo on every route, orphans included", async () => {
      const unknown = answers.filter((a) => a.param === "foo")
      expect(new Set(unknown.map((a) => a.path)).size).toBe(QUERY_ROUTES.length)
      expect(
        unknown.filter((a) => a.status !== 400 || !a.message.includes("Unrecognized fields: 'foo'")).map(describeAnswer)
      ).toEqual([])
    })

    it("answers 400 naming offset and limit to an empty or blank value on /admin/esim-orders", async () => {
      const blank = answers.filter(
        (a) => a.path === "/admin/esim-orders" && ["offset", "limit"].includes(a.param) && a.value.trim() === ""
      )
      expect(blank).toHaveLength(4)
      expect(blank.filter((a) => a.status !== 400 || !a.message.includes(`'${a.param}'`)).map(describeAnswer)).toEqual(
        []
      )
    })

    it("answers 401 to an anonymous shopper on the customer's eSIMs, before reading a hostile query", async () => {
      const anonymous = callers.guest
      for (const value of ["abc", "' OR 1=1 --", "-1"]) {
        const { status } = await api.get(
          `/store/customers/me/esims?limit=${encodeURIComponent(value)}`,
          options(anonymous)
        )
        expect(status).toBe(401)
      }
    })

    it("answers 404 naming the eSIM order or order to an :id no record could have, before reading a body or token, and buys nothing", async () => {
      const { admin, guest } = callers
      const hostileBody = { id: "x", quantity: -1, "<x>": "<script>" }
      const wrong: string[] = []
      const expect404 = async (
        label: string,
        noun: string,
        call: () => Promise<{ status: number; data: { message?: string } }>
      ) => {
        const { status, data } = await call()
        if (
          status !== 404 ||
          !String(data?.message).startsWith(noun) ||
          !String(data?.message).endsWith("was not found")
        )
          wrong.push(`${label}: ${status} ${data?.message}`)
      }
      for (const id of BAD_IDS) {
        const safe = encodeURIComponent(id)
        await expect404(`GET ${id}`, "eSIM order", () => api.get(`/admin/esim-orders/${safe}`, options(admin)))
        for (const action of ["retry", "resend", "cancel"]) {
          await expect404(`POST ${action} ${id}`, "eSIM order", () =>
            api.post(`/admin/esim-orders/${safe}/${action}`, hostileBody, options(admin))
          )
        }
        await expect404(`GET store ${id}`, "Order", () =>
          api.get(`/store/orders/${safe}/esims?token=${safe}`, options(guest))
        )
      }
      expect(wrong).toEqual([])
      expect(
        sandbox
          .current()
          .ledger()
          .requests.filter((r) => r.method === "POST")
      ).toHaveLength(0)
    })

    it("answers 400 naming the unknown body fields of retry, resend and cancel, and the query token of the store route, for an id-shaped id", async () => {
      const { admin, guest } = callers
      for (const action of ["retry", "resend", "cancel"]) {
        const { status, data } = await api.post(
          `/admin/esim-orders/esord_missing/${action}`,
          { id: "x", "<x>": 1 },
          options(admin)
        )
        expect([status, data.message]).toEqual([400, "Invalid request: Unrecognized fields: 'id, <x>'"])
      }
      const { status, data } = await api.get("/store/orders/order_missing/esims?token=abc", options(guest))
      expect(status).toBe(400)
      expect(data.message).toContain("Field 'token' is not accepted in the query string")
      expect(
        sandbox
          .current()
          .ledger()
          .requests.filter((r) => r.method === "POST")
      ).toHaveLength(0)
    })
  },
})
