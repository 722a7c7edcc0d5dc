import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../../modules/esim"
import { readEsimTimeline } from "../../../../modules/esim/lifecycle"
import EsimModuleService from "../../../../modules/esim/service"

/** One eSIM's data and status mirror and its timeline: purchase, delivery, each webhook event, each top-up. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const found = await readEsimTimeline(esim, req.params.iccid)
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM ${req.params.iccid} was not found`)
  }
  res.json({ esim: { ...found.esim, timeline: found.timeline } })
}
