import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { EsimflyClient } from "../../src/lib/esimfly"
import {
  adminHeaders,
  checkoutEsimCart,
  createAdminToken,
  seedEsimStore,
  SeededEsimStore,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { RequestConfig } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_LOW_BALANCE_THRESHOLD = "2000"
const sandbox = useSandbox()

type Reply = { status: number; data: Record<string, unknown> & { message?: string } }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: RequestConfig
    const get = (url: string, config: RequestConfig = headers): Promise<Reply> =>
      api.get(url, { ...config, validateStatus: () => true })
    const balanceCalls = () =>
      sandbox
        .current()
        .ledger()
        .requests.filter((r) => r.path.endsWith("/balance")).length

    beforeEach(async () => {
      sandbox.current().reset()
      headers = adminHeaders(await createAdminToken(getContainer()))
    })

    it.each([
      ["/admin/esimfly/balance"],
      ["/admin/esimfly/rate-limit"],
      ["/admin/esimfly/orders"],
      ["/admin/esimfly/profit"],
      ["/admin/esimfly/packages"],
      ["/admin/esim-orders"],
      ["/admin/esim-orders/esord_x"],
    ])("answers 401 to an unauthenticated GET %s", async (url) => {
      expect((await get(url, {})).status).toBe(401)
    })

    it.each([["retry"], ["resend"]])(
      "answers 401 to an unauthenticated POST /admin/esim-orders/:id/%s",
      async (action) => {
        const reply = await api.post(`/admin/esim-orders/esord_x/${action}`, {}, { validateStatus: () => true })
        expect(reply.status).toBe(401)
      }
    )

    it.each([
      ["/admin/esimfly/balance?foo=1", "foo"],
      ["/admin/esimfly/balance?refresh=yes", "refresh"],
      ["/admin/esimfly/rate-limit?foo=1", "foo"],
      ["/admin/esimfly/orders?page=0", "page"],
      ["/admin/esimfly/orders?limit=101", "limit"],
      ["/admin/esimfly/orders?status=bogus", "status"],
      ["/admin/esimfly/orders?from_date=yesterday", "from_date"],
      ["/admin/esimfly/orders?to_date=2026-13-45", "to_date"],
      ["/admin/esimfly/orders?sort_by=price", "sort_by"],
      ["/admin/esimfly/orders?sort_order=up", "sort_order"],
      ["/admin/esimfly/orders?search=" + "x".repeat(201), "search"],
      ["/admin/esimfly/orders?bogus=1", "bogus"],
      ["/admin/esimfly/profit?from_date=nope", "from_date"],
      ["/admin/esimfly/profit?to_date=nope", "to_date"],
      ["/admin/esimfly/packages?type=planet", "type"],
      ["/admin/esimfly/packages?limit=500", "limit"],
      ["/admin/esimfly/packages?country=usa", "country"],
      ["/admin/esim-orders?status=lost", "status"],
      ["/admin/esim-orders?limit=0", "limit"],
      ["/admin/esim-orders?offset=-1", "offset"],
      ["/admin/esim-orders?from_date=x", "from_date"],
    ])("refuses %s with a 400 naming %s, before any esimfly call", async (url, field) => {
      const reply = await get(url)
      expect(reply.status).toBe(400)
      expect(reply.data.message).toContain(field)
      expect(sandbox.current().ledger().requests).toHaveLength(0)
    })

    it("shows the mirrored balance with its source, age and threshold, reading esimfly only while no mirror exists or on refresh", async () => {
      const first = await get("/admin/esimfly/balance")
      expect(first.status).toBe(200)
      expect(first.data.balance).toMatchObject({
        amount: 1000,
        currency: "USD",
        low_balance_threshold: 2000,
        is_low: true,
        as_of: expect.any(String),
        source: "admin",
        age_seconds: expect.any(Number),
      })
      const calls = balanceCalls()
      expect(calls).toBe(1)
      sandbox.current().setBalance(5000)
      const second = await get("/admin/esimfly/balance")
      expect(second.data.balance).toMatchObject({ amount: 1000 })
      expect(balanceCalls()).toBe(calls)
      const refreshed = await get("/admin/esimfly/balance?refresh=true")
      expect(refreshed.data.balance).toMatchObject({ amount: 5000, is_low: false })
      expect(balanceCalls()).toBe(calls + 1)
    })

    it("shows the API quota learned from esimfly's headers, without calling esimfly", async () => {
      await get("/admin/esimfly/balance?refresh=true")
      const calls = sandbox.current().ledger().requests.length
      const reply = await get("/admin/esimfly/rate-limit")
      expect(reply.status).toBe(200)
      const quota = reply.data.rate_limit as { remaining: number; reset_at: string }
      expect(quota).toEqual({
        pacing: true,
        limit: 1000,
        remaining: expect.any(Number),
        reset_at: expect.any(String),
        source: "headers",
        in_flight: 0,
        waiting: 0,
      })
      expect(quota.remaining).toBeLessThanOrEqual(999)
      const resetIn = Date.parse(quota.reset_at) - Date.now()
      expect(resetIn).toBeGreaterThan(3_500_000)
      expect(resetIn).toBeLessThanOrEqual(3_601_000)
      expect(sandbox.current().ledger().requests).toHaveLength(calls)
    })

    it("shows a call waiting for the next window once the quota is spent, then lets it through", async () => {
      sandbox.current().faults.setRateLimit({ limit: 1, windowMs: 2_000 })
      await get("/admin/esimfly/balance?refresh=true")
      const waiting = get("/admin/esimfly/balance?refresh=true")
      await new Promise((resolve) => setTimeout(resolve, 200))

      const spent = await get("/admin/esimfly/rate-limit")
      expect(spent.data.rate_limit).toMatchObject({
        pacing: true,
        limit: 1,
        remaining: 0,
        source: "headers",
        waiting: 1,
      })

      expect((await waiting).status).toBe(200)
      expect(
        sandbox
          .current()
          .ledger()
          .requests.map((r) => r.status)
      ).toEqual([200, 200])
      expect((await get("/admin/esimfly/rate-limit")).data.rate_limit).toMatchObject({ waiting: 0, in_flight: 0 })
    })

    it("passes every history filter through to esimfly", async () => {
      const box = sandbox.current()
      const { url } = { url: process.env.ESIMFLY_BASE_URL ?? "" }
      const client = new EsimflyClient({ accessCode: box.accessCode, secretKey: box.secretKey, baseUrl: url })
      for (const [code, quantity] of [
        ["TR1GB7D", 3],
        ["TR1GB7D", 1],
        ["EU-5GB-30D", 1],
        ["TR1GB7D", 2],
        ["TR1GB7D", 4],
      ] as const) {
        await client.createOrder({ packageCode: code, quantity })
      }
      box.setOrderStatus(box.ledger().orders[1].orderReference, "cancelled")
      const expected = box
        .ledger()
        .orders.filter((o) => o.packageCode === "TR1GB7D" && o.status === "completed")
        .sort((a, b) => a.amount - b.amount)
        .slice(2, 4)
        .map((o) => o.orderReference)
      const reply = await get(
        "/admin/esimfly/orders?status=completed&search=TR1GB7D&sort_by=amount&sort_order=asc&limit=2&page=2"
      )
      expect(reply.status).toBe(200)
      const data = reply.data as { orders: { order_reference: string }[]; pagination: unknown; summary: unknown }
      expect(data.orders.map((o) => o.order_reference)).toEqual(expected)
      expect(data.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 })
      expect(data.summary).toMatchObject({ total_orders: 3 })
    })

    it("lists a page of the catalogue for the package picker", async () => {
      const reply = await get("/admin/esimfly/packages?type=regional&limit=5")
      expect(reply.status).toBe(200)
      const data = reply.data as {
        packages: { type: string; package_code: string; cost: number }[]
        pagination: { total_pages: number }
      }
      expect(data.packages).toHaveLength(5)
      expect(data.packages.every((p) => p.type === "regional")).toBe(true)
    })

    describe("with a placed order", () => {
      let seed: SeededEsimStore
      let orderId: string

      beforeEach(async () => {
        seed = await seedEsimStore(getContainer(), { esimPrice: 10 })
        const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
        const { order } = await checkoutEsimCart(api, seed, {
          lines: [{ variantId: seed.esimProducts.TR1GB7D.variant.id, quantity: 3 }],
        })
        await placed
        orderId = order.id
      })

      it("lists the plugin's eSIM orders with filters and pagination", async () => {
        const all = await get(`/admin/esim-orders?order_id=${orderId}`)
        const data = all.data as {
          esim_orders: { status: string; esims: { qr_code_data_url: string }[] }[]
          count: number
        }
        expect(data.count).toBe(1)
        expect(data.esim_orders[0].esims).toHaveLength(3)
        expect(data.esim_orders[0].esims[0].qr_code_data_url).toMatch(/^data:image\/png;base64,/)
        expect((await get("/admin/esim-orders?status=held")).data).toMatchObject({ count: 0, esim_orders: [] })
        expect((await get("/admin/esim-orders?status=completed&limit=1&offset=0")).data).toMatchObject({
          count: 1,
          limit: 1,
          offset: 0,
        })
        expect((await get("/admin/esim-orders?from_date=2099-01-01")).data).toMatchObject({ count: 0 })
      })

      it("returns one eSIM order with its eSIMs, QR codes and history, and 404 for an unknown id", async () => {
        const listed = (await get(`/admin/esim-orders?order_id=${orderId}`)).data as { esim_orders: { id: string }[] }
        const one = await get(`/admin/esim-orders/${listed.esim_orders[0].id}`)
        expect(one.status).toBe(200)
        expect(one.data.esim_order).toMatchObject({
          id: listed.esim_orders[0].id,
          status: "completed",
          attempts: 1,
          history: { events: expect.any(Array) },
        })
        expect((await get("/admin/esim-orders/esord_unknown")).status).toBe(404)
      })

      it("reports profit as the hand computation: 3 × 10 USD revenue minus esimfly's charge", async () => {
        const charged = sandbox.current().ledger().orders[0].amount
        const reply = await get("/admin/esimfly/profit")
        expect(reply.status).toBe(200)
        const profit = 30 - charged
        expect((reply.data as { profit: { rows: unknown[] } }).profit.rows).toEqual([
          {
            currency_code: "usd",
            cost_currency_code: "usd",
            revenue: 30,
            cost: charged,
            profit: Math.round(profit * 10000) / 10000,
            margin_percent: Math.round((profit / 30) * 100 * 100) / 100,
            exchange_rate: null,
            orders_count: 1,
            esims_count: 3,
            canceled_esims_count: 0,
          },
        ])
        const future = await get("/admin/esimfly/profit?from_date=2099-01-01")
        expect((future.data as { profit: { rows: unknown[] } }).profit.rows).toEqual([])
      })
    })
  },
})
