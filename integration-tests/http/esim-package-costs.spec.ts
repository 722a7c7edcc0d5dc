import { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import lookUpEsimPackageCostsJob from "../../src/jobs/look-up-esim-package-costs"
import { lookUpEsimPackageCostsWorkflow } from "../../src/workflows/look-up-esim-package-costs"
import { runEsimCatalogueSync } from "../../src/workflows/sync-esim-catalogue"
import { seedEsimStore, UNKNOWN_PACKAGE_CODE } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180 * 1000)

const sandbox = useSandbox()

const esimOf = (container: MedusaContainer) => container.resolve<EsimModuleService>(ESIM_MODULE)
const DAY_MS = 24 * 3600 * 1000
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

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    const mirror = async (codes: string[]) => Object.fromEntries(await esimOf(getContainer()).readPackageCosts(codes))
    const lookUp = async (codes: string[]) =>
      (await lookUpEsimPackageCostsWorkflow(getContainer()).run({ input: { package_codes: codes } })).result

    beforeEach(() => {
      sandbox.current().reset()
    })

    it("mirrors the cost of every package the catalogue sync read, at the sandbox's cost, with no extra esimfly call", async () => {
      const result = await runEsimCatalogueSync(getContainer(), {
        filters: { countries: ["TR"], package_codes: ["TR-1GB-7D"] },
        page_size: 5,
      })
      const listed = sandbox
        .current()
        .packages()
        .filter((pkg) => pkg.countries.includes("TR"))
      expect(listed.length).toBeGreaterThan(5)
      expect(packageSearches()).toHaveLength(result.pages_read)

      const rows = await esimOf(getContainer()).listEsimflyPackageCosts({
        package_code: listed.map((pkg) => pkg.package_code),
      })
      const mirrored = Object.fromEntries(
        rows.map((row) => [row.package_code, { cost: Number(row.cost), currency: row.currency, source: row.source }])
      )
      expect(mirrored).toEqual(
        Object.fromEntries(
          listed.map((pkg) => [pkg.package_code, { cost: pkg.cost, currency: pkg.currency, source: "catalogue" }])
        )
      )
    })

    it("fills each hand-mapped code the mirror lacks with one package search per code, and a second job run makes no search", async () => {
      await seedEsimStore(getContainer(), { withUnknownPackage: true })
      const codes = ["TR1GB7D", "EU-5GB-30D", UNKNOWN_PACKAGE_CODE]
      expect(await mirror(codes)).toEqual({})

      await lookUpEsimPackageCostsJob(getContainer())
      expect(packageSearches()).toHaveLength(3)
      expect(await mirror(codes)).toEqual({
        TR1GB7D: { cost: sandboxCost("TR1GB7D"), currency: "USD", read_at: expect.any(Date) },
        "EU-5GB-30D": { cost: sandboxCost("EU-5GB-30D"), currency: "USD", read_at: expect.any(Date) },
        [UNKNOWN_PACKAGE_CODE]: { cost: null, currency: null, read_at: expect.any(Date) },
      })

      await lookUpEsimPackageCostsJob(getContainer())
      expect(packageSearches()).toHaveLength(3)
    })

    it("records a code esimfly does not list with a null cost, from the lookup", async () => {
      expect(await lookUp([UNKNOWN_PACKAGE_CODE])).toMatchObject({
        searched: [UNKNOWN_PACKAGE_CODE],
        unlisted: [UNKNOWN_PACKAGE_CODE],
        failed: [],
      })
      const [row] = await esimOf(getContainer()).listEsimflyPackageCosts({ package_code: UNKNOWN_PACKAGE_CODE })
      expect(row).toMatchObject({ cost: null, currency: null, source: "lookup" })
    })

    it("searches again only the code whose mirrored cost is older than 7 days (guardCostMaxAgeMs default)", async () => {
      const esim = esimOf(getContainer())
      await esim.recordPackageCosts(
        [{ package_code: "TR1GB7D", cost: 1, currency: "USD" }],
        "lookup",
        new Date(Date.now() - 8 * DAY_MS)
      )
      await esim.recordPackageCosts(
        [{ package_code: "EU-5GB-30D", cost: 1, currency: "USD" }],
        "lookup",
        new Date(Date.now() - 6 * DAY_MS)
      )
      expect(await lookUp(["TR1GB7D", "EU-5GB-30D"])).toMatchObject({ searched: ["TR1GB7D"], listed: ["TR1GB7D"] })
      expect(packageSearches()).toHaveLength(1)
      expect(await mirror(["TR1GB7D", "EU-5GB-30D"])).toMatchObject({
        TR1GB7D: { cost: sandboxCost("TR1GB7D") },
        "EU-5GB-30D": { cost: 1 },
      })
    })

    it("leaves the mirror unchanged and does not throw when esimfly answers 503 to the search, and fills it on the next run", async () => {
      const esim = esimOf(getContainer())
      const old = new Date(Date.now() - 8 * DAY_MS)
      await esim.recordPackageCosts([{ package_code: "TR1GB7D", cost: 1, currency: "USD" }], "lookup", old)
      sandbox.current().faults.failNext({
        status: 503,
        code: "SERVICE_UNAVAILABLE",
        path: "/esims/packages",
        method: "GET",
        count: 20,
      })

      // The code never mirrored goes first, then the stale one.
      const failed = [UNKNOWN_PACKAGE_CODE, "TR1GB7D"]
      expect(await lookUp(["TR1GB7D", UNKNOWN_PACKAGE_CODE])).toMatchObject({ searched: failed, failed })
      expect(packageSearches().length).toBeGreaterThanOrEqual(2)
      expect(packageSearches().every((request) => request.status === 503)).toBe(true)
      expect(await mirror(["TR1GB7D", UNKNOWN_PACKAGE_CODE])).toEqual({
        TR1GB7D: { cost: 1, currency: "USD", read_at: old },
      })

      sandbox.current().faults.reset()
      expect(await lookUp(["TR1GB7D", UNKNOWN_PACKAGE_CODE])).toMatchObject({
        failed: [],
        listed: ["TR1GB7D"],
        unlisted: [UNKNOWN_PACKAGE_CODE],
      })
      expect(await mirror(["TR1GB7D"])).toMatchObject({ TR1GB7D: { cost: sandboxCost("TR1GB7D") } })
    })
  },
})
