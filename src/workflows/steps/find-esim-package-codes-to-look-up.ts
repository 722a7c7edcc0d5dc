import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { codesToLookUp } from "../../modules/esim/money"
import { PACKAGE_CODE_METADATA_KEY, packageCodeOf } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

export const findEsimPackageCodesToLookUpStepId = "find-esim-package-codes-to-look-up"

/** The codes to consider; without them, every code an eSIM variant maps to. */
export type FindEsimPackageCodesToLookUpInput = { package_codes?: string[] }

const PAGE_SIZE = 1000

/**
 * Picks the package codes whose cost the mirror lacks or holds for longer than option
 * `guardCostMaxAgeMs`, at most option `costLookupBatch` of them.
 */
export const findEsimPackageCodesToLookUpStep = createStep(
  findEsimPackageCodesToLookUpStepId,
  async (input: FindEsimPackageCodesToLookUpInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const options = esim.getOptions()
    const candidates = input.package_codes ?? (await mappedPackageCodes(container))
    const codes = candidates.map((code) => code.trim()).filter(Boolean)
    const maxAgeMs = options.guardCostMaxAgeMs
    const mirrored = await esim.readPackageCosts(codes)
    return new StepResponse(
      codesToLookUp(codes, mirrored, { maxAgeMs, limit: options.costLookupBatch, now: new Date() })
    )
  }
)

/** Every distinct code that a variant's `esimfly_package_code` names, read page by page. */
async function mappedPackageCodes(container: MedusaContainer): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const codes = new Set<string>()
  const filters = { metadata: { [PACKAGE_CODE_METADATA_KEY]: { $ne: null } } }
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "metadata"],
      filters,
      pagination: { skip, take: PAGE_SIZE, order: { id: "ASC" } },
    })
    const variants: { id: string; metadata: Record<string, unknown> | null }[] = data
    variants
      .map((variant) => packageCodeOf({ id: variant.id, quantity: 1, variant }))
      .forEach((code) => code && codes.add(code))
    if (variants.length < PAGE_SIZE) {
      return [...codes]
    }
  }
}
