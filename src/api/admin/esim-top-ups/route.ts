import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../modules/esim"
import EsimModuleService from "../../../modules/esim/service"
import { AdminListEsimTopUps } from "./validators"

/** The plugin's top-ups, newest first, with esimfly's reference, cost and any error: what the admin needs to act. */
export async function GET(req: MedusaRequest<unknown, AdminListEsimTopUps>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const order = { created_at: "DESC" as const, id: "DESC" as const }
  const [esim_top_ups, count] = await esim.listAndCountEsimTopUps(filters, { skip: offset, take: limit, order })
  res.json({ esim_top_ups, count, limit, offset })
}
