import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { adminHeaders, createAdminToken } from "../fixtures/auth"
import { RequestConfig } from "../fixtures/http-client"
import { waitUntil } from "../fixtures/wait"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

// The option under test; the job stays off (sandbox-env: one run an hour), so only the save can fill the mirror.
process.env.ESIMFLY_COST_LOOKUP_ON_SAVE = "true"
const sandbox = useSandbox()

function sandboxCost(code: string): number {
  const listed = sandbox
    .current()
    .packages()
    .find((pkg) => pkg.package_code === code)
  if (!listed) throw new Error(`the sandbox does not list ${code}`)
  return listed.cost
}
const packageSearches = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "GET" && r.path.endsWith("/esims/packages"))

const productBody = (code: string) => ({
  title: `Hand-mapped eSIM ${code}`,
  options: [{ title: "Plan", values: [code] }],
  variants: [
    {
      title: code,
      manage_inventory: false,
      options: { Plan: code },
      prices: [{ currency_code: "usd", amount: 9 }],
      metadata: { esimfly_package_code: code },
    },
  ],
})

type Saved = { product: { id: string; variants: { id: string }[] } }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let headers: RequestConfig
    const esim = () => getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    const mirrored = async (code: string) => (await esim().readPackageCosts([code])).get(code)

    beforeEach(async () => {
      sandbox.current().reset()
      headers = adminHeaders(await createAdminToken(getContainer()))
    })

    it("mirrors the cost of a variant the admin creates with a new code, with one package search and no job run", async () => {
      const saved = await api.post("/admin/products", productBody("TR-1GB-7D"), headers)
      expect(saved.status).toBe(200)
      await waitUntil(async () => (await mirrored("TR-1GB-7D")) !== undefined, "the cost of TR-1GB-7D is mirrored")
      expect(await mirrored("TR-1GB-7D")).toMatchObject({ cost: sandboxCost("TR-1GB-7D"), currency: "USD" })
      expect(packageSearches()).toHaveLength(1)
    })

    it("mirrors the cost of a variant the admin re-maps to a new code, and makes no search for a code already mirrored", async () => {
      await esim().recordPackageCosts(
        [{ package_code: "TR-1GB-7D", cost: 2.72, currency: "USD" }],
        "lookup",
        new Date()
      )
      const { product } = (await api.post("/admin/products", productBody("TR-1GB-7D"), headers)).data as Saved
      const variantUrl = `/admin/products/${product.id}/variants/${product.variants[0].id}`
      await api.post(variantUrl, { metadata: { esimfly_package_code: "EU-5GB-30D" } }, headers)
      await waitUntil(async () => (await mirrored("EU-5GB-30D")) !== undefined, "the cost of EU-5GB-30D is mirrored")
      expect(await mirrored("EU-5GB-30D")).toMatchObject({ cost: sandboxCost("EU-5GB-30D"), currency: "USD" })
      expect(packageSearches()).toHaveLength(1)
    })

    it("mirrors the cost of a variant re-mapped through the product form's update (POST /admin/products/:id with variants)", async () => {
      await esim().recordPackageCosts(
        [{ package_code: "TR-1GB-7D", cost: 2.72, currency: "USD" }],
        "lookup",
        new Date()
      )
      const { product } = (await api.post("/admin/products", productBody("TR-1GB-7D"), headers)).data as Saved
      const variants = [{ id: product.variants[0].id, metadata: { esimfly_package_code: "GLOBAL-1GB-7D" } }]
      expect((await api.post(`/admin/products/${product.id}`, { variants }, headers)).status).toBe(200)
      await waitUntil(
        async () => (await mirrored("GLOBAL-1GB-7D")) !== undefined,
        "the cost of GLOBAL-1GB-7D is mirrored"
      )
      expect(await mirrored("GLOBAL-1GB-7D")).toMatchObject({ cost: sandboxCost("GLOBAL-1GB-7D"), currency: "USD" })
      expect(packageSearches()).toHaveLength(1)
    })

    it("makes one package search when the admin creates two variants mapped to the same new code at once", async () => {
      const variant = (plan: string) => ({
        title: plan,
        manage_inventory: false,
        options: { Plan: plan },
        prices: [{ currency_code: "usd", amount: 9 }],
        metadata: { esimfly_package_code: "TR-1GB-7D" },
      })
      const body = {
        title: "Twice mapped",
        options: [{ title: "Plan", values: ["A", "B"] }],
        variants: [variant("A"), variant("B")],
      }
      expect((await api.post("/admin/products", body, headers)).status).toBe(200)
      await waitUntil(async () => (await mirrored("TR-1GB-7D")) !== undefined, "the cost of TR-1GB-7D is mirrored")
      // Both saves' lookups have run once the second one found the mirrored row; give it the time of a search.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(packageSearches()).toHaveLength(1)
    })

    it("answers the admin's save while esimfly answers 503 to the search, logs it and leaves the code unmirrored for the job", async () => {
      sandbox.current().faults.failNext({
        status: 503,
        code: "SERVICE_UNAVAILABLE",
        path: "/esims/packages",
        method: "GET",
        count: 20,
      })
      const saved = await api.post("/admin/products", productBody("EU-5GB-30D"), headers)
      expect(saved.status).toBe(200)
      // The client's GET retries (3 by default) all meet the 503.
      await waitUntil(async () => packageSearches().length >= 4, "the search was tried and retried", 30_000)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(packageSearches().every((request) => request.status === 503)).toBe(true)
      expect(await mirrored("EU-5GB-30D")).toBeUndefined()
    })
  },
})
