import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { EsimflyClient } from "../../src/lib/esimfly"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
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

const sandbox = useSandbox()

type Orphan = { order_reference: string; package_code: string; possible_esim_order_ids: string[] }
type Reply = { status: number; data: { orphans: Orphan[]; scanned: number; message?: string; settled?: unknown[] } }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: RequestConfig
    let seed: SeededEsimStore
    const get = (url: string): Promise<Reply> => api.get(url, { ...headers, validateStatus: () => true })
    const post = (url: string, body: object = {}): Promise<Reply> =>
      api.post(url, body, { ...headers, validateStatus: () => true })
    const buyInStore = async (code: "TR1GB7D" | "EU-5GB-30D") => {
      const placed = waitForOrderPlaced(getContainer(), { timeout: 60_000 })
      const { order } = await checkoutEsimCart(api, seed, {
        lines: [{ variantId: seed.esimProducts[code].variant.id, quantity: 1 }],
      })
      await placed
      return order
    }

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer())
      headers = adminHeaders(await createAdminToken(getContainer()))
    })

    it("lists the esimfly orders no purchase of the store claims, and only those", async () => {
      await buyInStore("TR1GB7D")
      const box = sandbox.current()
      const outside = new EsimflyClient({
        accessCode: box.accessCode,
        secretKey: box.secretKey,
        baseUrl: process.env.ESIMFLY_BASE_URL ?? "",
      })
      const bought = await outside.createOrder({ packageCode: "EU-5GB-30D", quantity: 2 })

      const reply = await get("/admin/esimfly/orphans")
      expect(reply.status).toBe(200)
      expect(reply.data.scanned).toBe(2)
      expect(reply.data.orphans).toEqual([
        expect.objectContaining({
          order_reference: bought.orderReference,
          package_code: "EU-5GB-30D",
          possible_esim_order_ids: [],
        }),
      ])
    })

    it("names the unsettled purchase an orphan belongs to, until reconciliation adopts it", async () => {
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const order = await buyInStore("TR1GB7D")
      const esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
      const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrder.status).toBe("needs_attention")

      const before = await get("/admin/esimfly/orphans")
      expect(before.data.orphans).toEqual([expect.objectContaining({ possible_esim_order_ids: [esimOrder.id] })])

      // Inside the grace period the admin action leaves a purchase that may still be in flight alone.
      const reconciled = await post("/admin/esimfly/reconcile")
      expect(reconciled.status).toBe(200)
      expect(reconciled.data.settled).toEqual([])

      expect((await post(`/admin/esim-orders/${esimOrder.id}/retry`)).status).toBe(200)
      expect((await esim.listEsimOrders({ id: esimOrder.id }))[0].status).toBe("completed")
      expect((await get("/admin/esimfly/orphans")).data.orphans).toEqual([])
      expect(sandbox.current().ledger().orders).toHaveLength(1)
    })

    it.each([
      ["from_date=yesterday", "from_date"],
      ["from_date=2026-02-01&to_date=2026-01-01", "from_date"],
      ["from_date=2025-01-01&to_date=2026-01-01", "93 days"],
    ])("refuses ?%s with a 400 naming it, before calling esimfly", async (query, named) => {
      const calls = sandbox.current().ledger().requests.length
      const reply = await get(`/admin/esimfly/orphans?${query}`)
      expect(reply.status).toBe(400)
      expect(reply.data.message).toContain(named)
      expect(sandbox.current().ledger().requests).toHaveLength(calls)
    })

    it("refuses a reconcile request with a body field it does not know", async () => {
      const reply = await post("/admin/esimfly/reconcile", { now: "2030-01-01" })
      expect(reply.status).toBe(400)
      expect(reply.data.message).toContain("now")
    })
  },
})
