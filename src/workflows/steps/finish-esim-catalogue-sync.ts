import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { CatalogueRead } from "../../modules/esim/catalogue-reader"
import { SyncPlan } from "../../modules/esim/catalogue-sync-plan"
import { CatalogueSyncResult } from "../../modules/esim/catalogue-types"
import EsimModuleService from "../../modules/esim/service"

export const finishEsimCatalogueSyncStepId = "finish-esim-catalogue-sync"

export type FinishEsimCatalogueSyncInput = { read: CatalogueRead; summary: SyncPlan["summary"] }

/** Records the run's result for `GET /admin/esimfly/catalogue/sync` and returns it. */
export const finishEsimCatalogueSyncStep = createStep(
  finishEsimCatalogueSyncStepId,
  async ({ read, summary }: FinishEsimCatalogueSyncInput, { container }) => {
    const result: CatalogueSyncResult = {
      pages_read: read.pages_read,
      packages_read: read.packages.length,
      ...summary,
      failed_pages: read.failed_pages,
    }
    container.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().finish(result)
    return new StepResponse(result)
  }
)
