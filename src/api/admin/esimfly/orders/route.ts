import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import { toHistoryResponse } from "../../../../modules/esim/delivery"
import EsimModuleService from "../../../../modules/esim/service"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyOrders } from "../validators"

/** esimfly's own order history, every documented filter passed through. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyOrders>, res: MedusaResponse) {
  const q = req.validatedQuery as AdminGetEsimflyOrders
  const client = req.scope.resolve<EsimModuleService>(ESIM_MODULE).getClient()
  const page = await callEsimfly(() =>
    client.listOrders({
      page: q.page,
      limit: q.limit,
      status: q.status,
      fromDate: q.from_date,
      toDate: q.to_date,
      search: q.search,
      sortBy: q.sort_by,
      sortOrder: q.sort_order,
    })
  )
  res.json(toHistoryResponse(page))
}
