import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CATALOGUE_PRODUCT_FIELDS, RawCatalogueProduct, toExistingProduct } from "../snapshot"

export const loadEsimCatalogueProductsStepId = "load-esim-catalogue-products"

/**
 * Loads every product whose handle starts with `esim-`, with variants, plan values and
 * prices: the synced ones to compare, the others to avoid taking their handle.
 */
export const loadEsimCatalogueProductsStep = createStep(
  loadEsimCatalogueProductsStepId,
  async (_: void, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: CATALOGUE_PRODUCT_FIELDS,
      filters: { handle: { $like: "esim-%" } },
    })
    return new StepResponse((data as RawCatalogueProduct[]).map(toExistingProduct))
  }
)
