import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { readCatalogue } from "../../modules/esim/catalogue-reader"
import { catalogueWalks } from "../../modules/esim/catalogue-scope"
import { CatalogueFilters } from "../../modules/esim/catalogue-types"
import EsimModuleService from "../../modules/esim/service"

export const readEsimCatalogueStepId = "read-esim-catalogue"

export type ReadEsimCatalogueInput = { filters: CatalogueFilters; page_size: number }

/**
 * Reads every page of the esimfly catalogue the run sells, reporting each page to the
 * admin's progress. A page that still fails after the client's retries is recorded, not thrown.
 */
export const readEsimCatalogueStep = createStep(readEsimCatalogueStepId, async (input: ReadEsimCatalogueInput, { container }) => {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const client = esim.getClient()
  const tracker = esim.getCatalogueSync()
  const read = await readCatalogue(
    (params) => client.listPackages(params),
    catalogueWalks(input.filters),
    input.filters,
    input.page_size,
    ({ pages_read, total_pages, packages }) => tracker.progress({ pages_read, total_pages, packages_read: packages.length })
  )
  return new StepResponse(read)
})
