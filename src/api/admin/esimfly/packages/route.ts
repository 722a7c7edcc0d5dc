import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import { toPackagesResponse } from "../../../../modules/esim/delivery"
import EsimModuleService from "../../../../modules/esim/service"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyPackages } from "../validators"

/** One page of esimfly's catalogue, for the admin's package picker. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyPackages>, res: MedusaResponse) {
  const q = req.validatedQuery as AdminGetEsimflyPackages
  const client = req.scope.resolve<EsimModuleService>(ESIM_MODULE).getClient()
  const page = await callEsimfly(() =>
    client.listPackages({ search: q.search, type: q.type, country: q.country, page: q.page, limit: q.limit })
  )
  res.json(toPackagesResponse(page))
}
