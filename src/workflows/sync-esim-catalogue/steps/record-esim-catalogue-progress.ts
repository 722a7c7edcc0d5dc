import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { CatalogueSyncProgress } from "../../../modules/esim/catalogue"
import EsimModuleService from "../../../modules/esim/service"

export const recordEsimCatalogueProgressStepId = "record-esim-catalogue-progress"

/** Tells the admin how far the running sync got (in memory only). */
export const recordEsimCatalogueProgressStep = createStep(
  recordEsimCatalogueProgressStepId,
  async (input: Partial<CatalogueSyncProgress>, { container }) => {
    container.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().progress(input)
    return new StepResponse(input)
  }
)
