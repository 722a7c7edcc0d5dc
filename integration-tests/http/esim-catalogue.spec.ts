import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCartWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CatalogueSyncResult } from "../../src/modules/esim/catalogue"
import { runEsimCatalogueSync, SyncEsimCatalogueInput } from "../../src/workflows/sync-esim-catalogue"
import { adminHeaders, createAdminToken, RequestConfig } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180 * 1000)

// Rules under test: USD, and EUR through a rate; GBP has no rate, so it is reported unpriced.
process.env.ESIMFLY_PRICING = JSON.stringify({
  currencies: ["usd", "eur", "gbp"],
  markupPercent: 30,
  rounding: "0.99",
  marginFloorPercent: 10,
})
process.env.ESIMFLY_EXCHANGE_RATES = JSON.stringify([{ from: "usd", to: "eur", rate: 0.9 }])
const sandbox = useSandbox()

/** A small slice of the sandbox catalogue, read 5 per page from `country=TR` (4 pages: see sandbox.packages()). */
const CODES = ["TR-1GB-7D", "TR1GB7D", "TR-3GB-15D", "TR-UNL-7D", "EU-5GB-30D", "GLOBAL-1GB-7D"]
const RUN = { filters: { countries: ["TR"], package_codes: CODES }, page_size: 5 }

type Price = { id: string; amount: number; currency_code: string }
type Variant = {
  id: string
  title: string
  manage_inventory: boolean
  updated_at: string
  metadata: Record<string, unknown>
  prices: Price[]
}
type Product = {
  id: string
  handle: string
  title: string
  status: string
  updated_at: string
  shipping_profile: { type: string } | null
  sales_channels: { id: string }[]
  variants: Variant[]
}

const FIELDS = [
  "id",
  "handle",
  "title",
  "status",
  "updated_at",
  "shipping_profile.type",
  "sales_channels.id",
  "variants.id",
  "variants.title",
  "variants.manage_inventory",
  "variants.updated_at",
  "variants.metadata",
  "variants.prices.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
]

async function products(container: MedusaContainer): Promise<Record<string, Product>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: FIELDS, filters: { handle: { $like: "esim-%" } } })
  return Object.fromEntries((data as Product[]).map((product) => [product.handle, product]))
}

function variantOf(all: Record<string, Product>, code: string): Variant {
  const variant = Object.values(all)
    .flatMap((product) => product.variants)
    .find((candidate) => candidate.metadata.esimfly_package_code === code)
  if (!variant) throw new Error(`no variant sells ${code}`)
  return variant
}

const priceIn = (variant: Variant, currency: string) =>
  variant.prices.find((price) => price.currency_code === currency)?.amount

const NOTHING_WRITTEN = {
  products_created: 0,
  products_updated: 0,
  variants_created: 0,
  variants_updated: 0,
  variants_deactivated: 0,
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    const sync = (input: SyncEsimCatalogueInput = RUN): Promise<CatalogueSyncResult> =>
      runEsimCatalogueSync(getContainer(), input)

    beforeEach(() => {
      sandbox.current().reset()
    })

    it("creates one product per destination, with a priced variant per plan", async () => {
      const result = await sync()
      expect(result).toMatchObject({
        pages_read: 4,
        packages_read: 6,
        products_created: 3,
        variants_created: 6,
        failed_pages: [],
        deactivation_aborted: false,
      })
      expect(result.unpriced).toEqual([
        expect.objectContaining({
          currency_code: "gbp",
          packages: 6,
          problem: 'no exchange rate from usd to gbp (option "exchangeRates")',
        }),
      ])
      const all = await products(getContainer())
      expect(Object.keys(all).sort()).toEqual(["esim-europe", "esim-global", "esim-turkey"])
      const turkey = all["esim-turkey"]
      expect(turkey).toMatchObject({ title: "Turkey eSIM", status: "published", shipping_profile: { type: "esim" } })
      const [store] = await getContainer().resolve(Modules.STORE).listStores()
      expect(turkey.sales_channels).toEqual([{ id: store.default_sales_channel_id }])
      expect(turkey.variants.map((variant) => variant.title).sort()).toEqual([
        "1 GB · 7 days",
        "1 GB · 7 days · TR1GB7D",
        "3 GB · 15 days",
        "Unlimited · 7 days",
      ])
      const oneGb = variantOf(all, "TR-1GB-7D")
      expect(oneGb).toMatchObject({ title: "1 GB · 7 days", manage_inventory: false })
      expect(oneGb.metadata).toMatchObject({
        esimfly_package_code: "TR-1GB-7D",
        esimfly_cost: 2.72,
        esimfly_cost_currency: "usd",
        esimfly_active: true,
        esimfly_below_floor: false,
      })
      // By hand: USD 2.72 × 1.30 = 3.536 → 3.99; EUR 2.72 × 0.9 × 1.30 = 3.1824 → 3.99; no GBP rate, no GBP price.
      expect(priceIn(oneGb, "usd")).toBe(3.99)
      expect(priceIn(oneGb, "eur")).toBe(3.99)
      expect(priceIn(oneGb, "gbp")).toBeUndefined()
      // 6.53 × 1.30 = 8.489 → 8.99; 18.50 × 1.30 = 24.05 → 24.99
      expect(priceIn(variantOf(all, "TR-3GB-15D"), "usd")).toBe(8.99)
      expect(priceIn(variantOf(all, "TR-UNL-7D"), "usd")).toBe(24.99)
    })

    it("writes nothing on a second run with the same catalogue", async () => {
      await sync()
      const before = await products(getContainer())
      const result = await sync()
      expect(result).toMatchObject({ ...NOTHING_WRITTEN, pages_read: 4, below_floor: [] })
      expect(await products(getContainer())).toEqual(before)
    })

    it("follows a changed cost, except on a price the merchant set by hand, which is flagged under the floor", async () => {
      await sync()
      const overridden = variantOf(await products(getContainer()), "TR-3GB-15D")
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const productId = (await products(getContainer()))["esim-turkey"].id
      await api.post(
        `/admin/products/${productId}/variants/${overridden.id}`,
        { metadata: { esimfly_price_override: true } },
        headers
      )
      sandbox.current().setPackageCost("TR-1GB-7D", 3.1)
      sandbox.current().setPackageCost("TR-3GB-15D", 8.5)
      const result = await sync()
      expect(result).toMatchObject({ variants_updated: 2, variants_created: 0, variants_deactivated: 0 })
      const all = await products(getContainer())
      // 3.10 × 1.30 = 4.03 → 4.99
      expect(priceIn(variantOf(all, "TR-1GB-7D"), "usd")).toBe(4.99)
      const kept = variantOf(all, "TR-3GB-15D")
      expect(priceIn(kept, "usd")).toBe(8.99)
      expect(kept.metadata).toMatchObject({
        esimfly_cost: 8.5,
        esimfly_below_floor: true,
        esimfly_price_override: true,
      })
      // USD (8.99 − 8.50) / 8.99 = 5.45 %; EUR cost 8.50 × 0.9 = 7.65, (7.99 − 7.65) / 7.99 = 4.26 %: both under 10 %
      expect(result.below_floor).toEqual([
        expect.objectContaining({
          package_code: "TR-3GB-15D",
          variant_id: kept.id,
          currency_code: "usd",
          amount: 8.99,
          margin_percent: 5.45,
          price_override: true,
        }),
        expect.objectContaining({
          package_code: "TR-3GB-15D",
          variant_id: kept.id,
          currency_code: "eur",
          amount: 7.99,
          cost: 7.65,
          margin_percent: 4.26,
        }),
      ])
    })

    it("puts a renamed plan title back, unless the merchant marked the title as theirs", async () => {
      await sync()
      const headers = adminHeaders(await createAdminToken(getContainer()))
      const turkey = (await products(getContainer()))["esim-turkey"]
      const variant = variantOf({ turkey }, "TR-3GB-15D")
      await api.post(`/admin/products/${turkey.id}/variants/${variant.id}`, { title: "Three gigs" }, headers)
      await api.post(
        `/admin/products/${turkey.id}`,
        { title: "Türkiye eSIM", metadata: { esimfly_title_override: "true" } },
        headers
      )
      expect(await sync()).toMatchObject({ variants_updated: 1, products_updated: 0 })
      let after = (await products(getContainer()))["esim-turkey"]
      expect(after.title).toBe("Türkiye eSIM")
      expect(variantOf({ after }, "TR-3GB-15D").title).toBe("3 GB · 15 days")
      await api.post(
        `/admin/products/${turkey.id}/variants/${variant.id}`,
        { title: "Three gigs", metadata: { esimfly_title_override: "true" } },
        headers
      )
      expect(await sync()).toMatchObject(NOTHING_WRITTEN)
      after = (await products(getContainer()))["esim-turkey"]
      expect(variantOf({ after }, "TR-3GB-15D").title).toBe("Three gigs")
    })

    it("deactivates a vanished package without deleting it, so it cannot be bought, and drafts a product left empty", async () => {
      await sync()
      sandbox.current().removePackage("TR-3GB-15D")
      sandbox.current().removePackage("GLOBAL-1GB-7D")
      const result = await sync()
      expect(result).toMatchObject({ variants_deactivated: 2, deactivation_aborted: false, products_updated: 1 })
      const all = await products(getContainer())
      const gone = variantOf(all, "TR-3GB-15D")
      expect(gone.metadata).toMatchObject({
        esimfly_active: false,
        esimfly_inactive_prices: expect.arrayContaining([{ currency_code: "usd", amount: 8.99 }]),
      })
      expect(gone.prices).toEqual([])
      expect(all["esim-turkey"]).toMatchObject({ status: "published" })
      expect(all["esim-global"]).toMatchObject({ status: "draft" })
      expect(all["esim-global"].variants).toHaveLength(1)
      const { result: regions } = await createRegionsWorkflow(getContainer()).run({
        input: { regions: [{ name: "Turkey", currency_code: "usd", countries: ["tr"] }] },
      })
      const [store] = await getContainer().resolve(Modules.STORE).listStores()
      const cart = {
        region_id: regions[0].id,
        sales_channel_id: store.default_sales_channel_id ?? "",
        currency_code: "usd",
      }
      const { errors } = await createCartWorkflow(getContainer()).run({
        input: { ...cart, items: [{ variant_id: gone.id, quantity: 1 }] },
        throwOnError: false,
      })
      expect(errors[0]?.error?.message).toMatch(/do not have a price/)
      expect((await sync()).variants_deactivated).toBe(0)
      sandbox.current().reset()
      expect(await sync()).toMatchObject({ variants_updated: 2, variants_deactivated: 0, products_updated: 1 })
      const back = await products(getContainer())
      expect(variantOf(back, "TR-3GB-15D").metadata).toMatchObject({ esimfly_active: true })
      expect(variantOf(back, "TR-3GB-15D").metadata.esimfly_inactive_prices).toBeUndefined()
      expect(priceIn(variantOf(back, "TR-3GB-15D"), "usd")).toBe(8.99)
      expect(back["esim-global"].status).toBe("published")
    })

    it("adds a new plan to an existing destination", async () => {
      await sync({ ...RUN, filters: { ...RUN.filters, package_codes: CODES.filter((code) => code !== "TR-UNL-7D") } })
      const result = await sync()
      expect(result).toMatchObject({
        products_created: 0,
        products_updated: 1,
        variants_created: 1,
        variants_updated: 0,
      })
      const turkey = (await products(getContainer()))["esim-turkey"]
      expect(turkey.variants).toHaveLength(4)
      const unlimited = variantOf({ turkey }, "TR-UNL-7D")
      expect(unlimited.title).toBe("Unlimited · 7 days")
      expect(priceIn(unlimited, "usd")).toBe(24.99)
      expect(await sync()).toMatchObject(NOTHING_WRITTEN)
    })

    it("syncs the whole sandbox catalogue, and a second run writes nothing", async () => {
      const result = await sync({ filters: {}, page_size: 100 })
      const total = sandbox.current().packages().length
      expect(result).toMatchObject({
        pages_read: 1,
        packages_read: total,
        variants_created: total,
        products_created: 19,
        conflicts: [],
      })
      expect(await sync({ filters: {}, page_size: 100 })).toMatchObject({ ...NOTHING_WRITTEN, packages_read: total })
    })

    it("aborts the deactivation when a page fails, but applies the pages it read", async () => {
      await sync()
      const box = sandbox.current()
      box.removePackage("TR-1GB-7D")
      box.setPackageCost("GLOBAL-1GB-7D", 8)
      box.faults.failNext({ status: 500, path: "/esims/packages", query: { page: 2 }, count: 10 })
      const aborted = await sync()
      expect(aborted).toMatchObject({
        pages_read: 3,
        deactivation_aborted: true,
        variants_deactivated: 0,
        variants_updated: 1,
      })
      expect(aborted.failed_pages).toEqual([expect.objectContaining({ page: 2, country: "TR" })])
      const all = await products(getContainer())
      expect(variantOf(all, "TR-1GB-7D").metadata.esimfly_active).toBe(true)
      // 8.00 × 1.30 = 10.40 → 10.99, read from page 4
      expect(priceIn(variantOf(all, "GLOBAL-1GB-7D"), "usd")).toBe(10.99)
      box.faults.reset()
      expect(await sync()).toMatchObject({ variants_deactivated: 1, deactivation_aborted: false, failed_pages: [] })
    })

    describe("admin routes", () => {
      let headers: RequestConfig
      type Reply = { status: number; data: Record<string, unknown> & { message?: string } }
      const post = (url: string, body: object, config: RequestConfig | object = headers): Promise<Reply> =>
        api.post(url, body, { ...config, validateStatus: () => true })
      const get = (url: string, config: RequestConfig | object = headers): Promise<Reply> =>
        api.get(url, { ...config, validateStatus: () => true })

      beforeEach(async () => {
        headers = adminHeaders(await createAdminToken(getContainer()))
      })

      it("answers 401 without an admin", async () => {
        expect((await post("/admin/esimfly/catalogue/sync", {}, {})).status).toBe(401)
        expect((await get("/admin/esimfly/catalogue/sync", {})).status).toBe(401)
        expect((await get("/admin/esimfly/pricing-preview", {})).status).toBe(401)
      })

      it.each([
        [{ page_size: 500 }, "page_size"],
        [{ types: ["planet"] }, "types"],
        [{ countries: ["TUR"] }, "countries"],
        [{ bogus: true }, "bogus"],
      ])("refuses %j with a 400 naming %s, before any esimfly call", async (body, field) => {
        const reply = await post("/admin/esimfly/catalogue/sync", body)
        expect(reply.status).toBe(400)
        expect(reply.data.message).toContain(field)
        expect(sandbox.current().ledger().requests).toHaveLength(0)
      })

      it("syncs on demand and shows the last run", async () => {
        const reply = await post("/admin/esimfly/catalogue/sync", {
          countries: ["TR"],
          package_codes: CODES,
          page_size: 5,
        })
        expect(reply.status).toBe(200)
        expect(reply.data.result).toMatchObject({ pages_read: 4, products_created: 3, variants_created: 6 })
        const status = await get("/admin/esimfly/catalogue/sync")
        expect(status.status).toBe(200)
        expect(status.data.catalogue_sync).toMatchObject({
          state: "succeeded",
          progress: { pages_read: 4, total_pages: 4, packages_read: 6, products_created: 3 },
          result: reply.data.result,
          error: null,
        })
      })

      it("shows the progress of a running sync and refuses a second one meanwhile", async () => {
        sandbox.current().faults.setLatency(400)
        const first = post("/admin/esimfly/catalogue/sync", { countries: ["TR"], package_codes: CODES, page_size: 5 })
        let status: { state?: string; progress?: { pages_read: number } } = {}
        for (
          let tries = 0;
          tries < 100 && !(status.state === "running" && (status.progress?.pages_read ?? 0) >= 1);
          tries++
        ) {
          await new Promise((resolve) => setTimeout(resolve, 50))
          status = (await get("/admin/esimfly/catalogue/sync")).data.catalogue_sync as typeof status
        }
        expect(status).toMatchObject({ state: "running", progress: { pages_read: expect.any(Number), total_pages: 4 } })
        const second = await post("/admin/esimfly/catalogue/sync", {})
        expect(second.status).toBe(400)
        expect(second.data.message).toContain("already running")
        expect((await first).status).toBe(200)
        expect((await get("/admin/esimfly/catalogue/sync")).data.catalogue_sync).toMatchObject({ state: "succeeded" })
      })

      it("previews the pricing rules on the first packages", async () => {
        const reply = await get("/admin/esimfly/pricing-preview?limit=3")
        expect(reply.status).toBe(200)
        const preview = reply.data.pricing_preview as {
          rules: object
          packages: {
            cost: number
            prices: { currency_code: string; amount: number | null; margin_percent: number | null }[]
          }[]
        }
        expect(preview.rules).toEqual({
          currencies: ["usd", "eur", "gbp"],
          markup_percent: 30,
          fixed_amount: {},
          rounding: "0.99",
          margin_floor_percent: 10,
          overridden_packages: 0,
        })
        expect(preview.packages).toHaveLength(3)
        expect(preview.packages[0].prices.map((price) => price.currency_code)).toEqual(["usd", "eur", "gbp"])
        expect((await get("/admin/esimfly/pricing-preview?limit=500")).data.message).toContain("limit")
      })
    })
  },
})
