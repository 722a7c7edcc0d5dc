import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import EsimModuleService from "../../../../modules/esim/service"
import { filtersFromOption, pricingPreview } from "../../../../workflows/sync-esim-catalogue"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyPricingPreview } from "../validators"

/** The pricing rules and their effect (cost, price, margin) on the first catalogue packages. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyPricingPreview>, res: MedusaResponse) {
  const { limit } = req.validatedQuery as AdminGetEsimflyPricingPreview
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const options = esim.getOptions()
  const client = esim.getClient()
  const pricing = { rules: options.pricing, rates: options.exchangeRates }
  const preview = await callEsimfly(() =>
    pricingPreview((params) => client.listPackages(params), filtersFromOption(options.catalogue), pricing, limit)
  )
  res.json({ pricing_preview: preview })
}
