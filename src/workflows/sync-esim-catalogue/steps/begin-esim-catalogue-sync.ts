import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import EsimModuleService from "../../../modules/esim/service"
import { filtersFromOption } from "../scope"
import { CatalogueFilters, PricingContext } from "../types"

export const beginEsimCatalogueSyncStepId = "begin-esim-catalogue-sync"

export type BeginEsimCatalogueSyncInput = { filters?: CatalogueFilters; page_size?: number }

/** What the rest of the run works with: filters, page size and pricing, fixed at the start. */
export type CatalogueSyncRun = {
  filters: CatalogueFilters
  page_size: number
  pricing: PricingContext
  sales_channel_id: string | null
}

/** The documented maximum page size of `GET /esims/packages` (`limit<=100`). */
const MAX_PAGE_SIZE = 100

/**
 * Marks the sync running (one per process, so the admin can watch it) and fixes the run's
 * settings: the input's filters, else option `catalogue`. Rolled back, it records the failure.
 */
export const beginEsimCatalogueSyncStep = createStep(
  beginEsimCatalogueSyncStepId,
  async (input: BeginEsimCatalogueSyncInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    if (!esim.getCatalogueSync().begin()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A catalogue sync is already running; GET /admin/esimfly/catalogue/sync shows its progress"
      )
    }
    const options = esim.getOptions()
    const run: CatalogueSyncRun = {
      filters: input.filters ?? filtersFromOption(options.catalogue),
      page_size: Math.min(MAX_PAGE_SIZE, Math.max(1, input.page_size ?? MAX_PAGE_SIZE)),
      pricing: { rules: options.pricing, rates: options.exchangeRates },
      sales_channel_id: options.salesChannelId ?? null,
    }
    return new StepResponse(run, true)
  },
  async (began, { container }) => {
    if (began) {
      container
        .resolve<EsimModuleService>(ESIM_MODULE)
        .getCatalogueSync()
        .fail("the sync failed and its writes were rolled back; see the server log")
    }
  }
)
