import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { lookupReadings, PackageCostLookupResult, toPackageCostReading } from "../../modules/esim/money"
import EsimModuleService from "../../modules/esim/service"

export const searchEsimPackageCostsStepId = "search-esim-package-costs"

/** esimfly's largest page (`limit` ≤ 100): a search for one code fits on it. */
const SEARCH_PAGE_SIZE = 100

/**
 * One `GET /esims/packages?search=<code>` per code, one after another, mirroring every package
 * listed and the code itself as unlisted when esimfly does not list it. An esimfly error on a
 * code (after the client's retries) is logged and the next code goes on; the next run retries it.
 */
export const searchEsimPackageCostsStep = createStep(
  searchEsimPackageCostsStepId,
  async (codes: string[], { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const result: PackageCostLookupResult = { searched: codes, listed: [], unlisted: [], failed: [] }
    for (const code of codes) {
      try {
        const page = await esim.getClient().listPackages({ search: code, limit: SEARCH_PAGE_SIZE })
        await esim.recordPackageCosts(
          lookupReadings(code, page.packages.map(toPackageCostReading)),
          "lookup",
          new Date()
        )
        const listed = page.packages.some((pkg) => pkg.packageCode === code)
        result[listed ? "listed" : "unlisted"].push(code)
      } catch (error) {
        result.failed.push(code)
        logger.warn(
          `esimfly: could not look up the cost of package ${code}, retried next run: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
    return new StepResponse(result)
  }
)
