import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ListPackagesParams } from "../../../lib/esimfly"
import { ESIM_MODULE } from "../../../modules/esim"
import { toPackageCostReading } from "../../../modules/esim/money"
import EsimModuleService from "../../../modules/esim/service"
import { readCatalogue } from "../read"
import { catalogueWalks } from "../scope"
import { CatalogueFilters } from "../types"

export const readEsimCatalogueStepId = "read-esim-catalogue"

export type ReadEsimCatalogueInput = { filters: CatalogueFilters; page_size: number }

/**
 * Reads every page of the esimfly catalogue the run sells, reporting each page to the
 * admin's progress and mirroring the cost of every package on it (one upsert per page, no
 * extra call). A page that still fails after the client's retries is recorded, not thrown.
 */
export const readEsimCatalogueStep = createStep(
  readEsimCatalogueStepId,
  async (input: ReadEsimCatalogueInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const client = esim.getClient()
    const tracker = esim.getCatalogueSync()
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const readPage = async (params: ListPackagesParams) => {
      const page = await client.listPackages(params)
      // A failed mirror write must not count as an unread page: that would stop deactivations.
      await esim
        .recordPackageCosts(page.packages.map(toPackageCostReading), "catalogue", new Date())
        .catch((error: Error) => {
          logger.warn(`esimfly: could not mirror the package costs of catalogue page ${params.page}: ${error.message}`)
        })
      return page
    }
    const read = await readCatalogue(
      readPage,
      catalogueWalks(input.filters),
      input.filters,
      input.page_size,
      ({ pages_read, total_pages, packages }) =>
        tracker.progress({ pages_read, total_pages, packages_read: packages.length })
    )
    return new StepResponse(read)
  }
)
