import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toRateLimitResponse } from "../../../../modules/esim/delivery"
import { ESIM_MODULE } from "../../../../modules/esim"
import EsimModuleService from "../../../../modules/esim/service"

/** The account's API quota as the shared pacer sees it; reading it calls nothing at esimfly. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const client = req.scope.resolve<EsimModuleService>(ESIM_MODULE).getClient()
  res.json({ rate_limit: toRateLimitResponse(client.pacing, client.rateLimit) })
}
