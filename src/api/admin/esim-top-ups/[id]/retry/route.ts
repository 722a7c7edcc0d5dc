import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../../modules/esim"
import EsimModuleService from "../../../../../modules/esim/service"
import { retryEsimTopUpWorkflow } from "../../../../../workflows/esim-top-ups"

/** Sends a held top-up (or one esimfly refused) again, after the admin loaded the balance; answers the top-up. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await retryEsimTopUpWorkflow(req.scope).run({ input: { id: req.params.id } })
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  res.json({ esim_top_up: await esim.retrieveEsimTopUp(req.params.id) })
}
