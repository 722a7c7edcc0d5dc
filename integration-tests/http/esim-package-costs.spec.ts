import { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { runEsimCatalogueSync } from "../../src/workflows/sync-esim-catalogue"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(180 * 1000)

const sandbox = useSandbox()

const esimOf = (container: MedusaContainer) => container.resolve<EsimModuleService>(ESIM_MODULE)
const packageSearches = () => sandbox.current().ledger().requests.filter((r) => r.method === "GET" && r.path.endsWith("/esims/packages"))

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    beforeEach(() => {
      sandbox.current().reset()
    })

    it("mirrors the cost of every package the catalogue sync read, at the sandbox's cost, with no extra esimfly call", async () => {
      const result = await runEsimCatalogueSync(getContainer(), { filters: { countries: ["TR"], package_codes: ["TR-1GB-7D"] }, page_size: 5 })
      const listed = sandbox.current().packages().filter((pkg) => pkg.countries.includes("TR"))
      expect(listed.length).toBeGreaterThan(5)
      expect(packageSearches()).toHaveLength(result.pages_read)

      const rows = await esimOf(getContainer()).listEsimflyPackageCosts({ package_code: listed.map((pkg) => pkg.package_code) })
      const mirrored = Object.fromEntries(rows.map((row) => [row.package_code, { cost: Number(row.cost), currency: row.currency, source: row.source }]))
      expect(mirrored).toEqual(Object.fromEntries(listed.map((pkg) => [pkg.package_code, { cost: pkg.cost, currency: pkg.currency, source: "catalogue" }])))
    })
  },
})
