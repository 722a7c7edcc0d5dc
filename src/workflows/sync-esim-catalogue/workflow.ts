import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createProductsWorkflow,
  createProductVariantsWorkflow,
  releaseLockStep,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ESIM_MODULE } from "../../modules/esim"
import { CatalogueSyncResult } from "../../modules/esim/catalogue"
import EsimModuleService from "../../modules/esim/service"
import { planCatalogueSync } from "./plan"
import { deactivationVerdict } from "./read"
import { addEsimPlanValuesStep } from "./steps/add-esim-plan-values"
import { beginEsimCatalogueSyncStep } from "./steps/begin-esim-catalogue-sync"
import { finishEsimCatalogueSyncStep } from "./steps/finish-esim-catalogue-sync"
import { loadEsimCatalogueProductsStep } from "./steps/load-esim-catalogue-products"
import { readEsimCatalogueStep } from "./steps/read-esim-catalogue"
import { recordEsimCatalogueProgressStep } from "./steps/record-esim-catalogue-progress"
import { resolveEsimCataloguePlacementStep } from "./steps/resolve-esim-catalogue-placement"
import { CatalogueFilters } from "./types"

export const syncEsimCatalogueWorkflowId = "sync-esim-catalogue"

/** A run's input; `{}` syncs what option `catalogue` names. */
export type SyncEsimCatalogueInput = {
  /** Replaces option `catalogue` for this run (snake_case: `package_codes`). */
  filters?: CatalogueFilters
  /** Packages per page, 1–100 (default 100, the API's maximum). */
  page_size?: number
}

/** One sync at a time across processes that share a locking provider. */
export const SYNC_ESIM_CATALOGUE_LOCK_KEY = "esim-catalogue-sync"

/**
 * Mirrors the esimfly catalogue into Medusa: one product per destination, one variant per
 * package, priced by the merchant's rules. Writes only what changed, keeps hand-set prices
 * and titles, deactivates vanished packages unless a page failed, and never deletes.
 */
export const syncEsimCatalogueWorkflow = createWorkflow(
  syncEsimCatalogueWorkflowId,
  (input: SyncEsimCatalogueInput) => {
    const run = beginEsimCatalogueSyncStep(input)
    acquireLockStep({ key: SYNC_ESIM_CATALOGUE_LOCK_KEY, timeout: 5, ttl: 3600 })
    const read = readEsimCatalogueStep(run)
    const placement = resolveEsimCataloguePlacementStep(run)
    const existing = loadEsimCatalogueProductsStep()
    const plan = transform({ run, read, placement, existing }, ({ run, read, placement, existing }) =>
      planCatalogueSync({
        packages: read.packages,
        existing,
        pricing: run.pricing,
        placement,
        filters: run.filters,
        deactivation: deactivationVerdict(read),
      })
    )

    when("create-esim-catalogue-products", { plan }, ({ plan }) => plan.products_to_create.length > 0).then(() => {
      createProductsWorkflow.runAsStep({ input: { products: plan.products_to_create } })
    })
    const created = transform({ plan }, ({ plan }) => ({ products_created: plan.summary.products_created }))
    recordEsimCatalogueProgressStep(created).config({ name: "record-esim-catalogue-products-created" })

    addEsimPlanValuesStep(plan.plan_values_to_add)
    when("create-esim-catalogue-variants", { plan }, ({ plan }) => plan.variants_to_create.length > 0).then(() => {
      createProductVariantsWorkflow.runAsStep({ input: { product_variants: plan.variants_to_create } })
    })
    when("update-esim-catalogue-variants", { plan }, ({ plan }) => plan.variants_to_update.length > 0).then(() => {
      updateProductVariantsWorkflow.runAsStep({ input: { product_variants: plan.variants_to_update } })
    })
    const deactivated = transform({ plan }, ({ plan }) => ({ variants_deactivated: plan.summary.variants_deactivated }))
    recordEsimCatalogueProgressStep(deactivated).config({ name: "record-esim-catalogue-variants-deactivated" })

    when("update-esim-catalogue-products", { plan }, ({ plan }) => plan.products_to_update.length > 0).then(() => {
      updateProductsWorkflow.runAsStep({ input: { products: plan.products_to_update } })
    })
    releaseLockStep({ key: SYNC_ESIM_CATALOGUE_LOCK_KEY })
    const result = finishEsimCatalogueSyncStep({ read, summary: plan.summary })
    return new WorkflowResponse(result)
  }
)

/** Runs one sync for a route or the job; a failure is recorded for the admin and thrown as a MedusaError. */
export async function runEsimCatalogueSync(
  container: MedusaContainer,
  input: SyncEsimCatalogueInput = {}
): Promise<CatalogueSyncResult> {
  const { result, errors } = await syncEsimCatalogueWorkflow(container).run({ input, throwOnError: false })
  const failure = errors[0]?.error
  if (!failure) {
    return result
  }
  const message = String(failure.message ?? failure)
  container.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().explainFailure(message)
  // Workflow errors arrive serialised: keep a MedusaError's type (an already running sync is a 400).
  const type = Object.values(MedusaError.Types).find((candidate) => candidate === (failure as { type?: unknown }).type)
  throw type
    ? new MedusaError(type, message)
    : new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The catalogue sync failed: ${message}`)
}
