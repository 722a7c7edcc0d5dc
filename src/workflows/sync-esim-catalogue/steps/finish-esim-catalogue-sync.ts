import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { CatalogueSyncResult } from "../../../modules/esim/catalogue"
import EsimModuleService from "../../../modules/esim/service"
import { CatalogueRead } from "../read"
import { SyncPlan } from "../types"

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
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { products_created, products_updated, variants_created, variants_updated, variants_deactivated } = result
    logger.info(
      `esimfly catalogue sync: ${JSON.stringify({ products_created, products_updated, variants_created, variants_updated, variants_deactivated })}`
    )
    if (result.deactivation_aborted) {
      logger.warn(`esimfly catalogue sync: nothing deactivated, ${result.deactivation_aborted_reason}`)
    }
    if (result.below_floor.length) {
      logger.warn(`esimfly catalogue sync: ${result.below_floor.length} price(s) under the margin floor`)
    }
    return new StepResponse(result)
  }
)
