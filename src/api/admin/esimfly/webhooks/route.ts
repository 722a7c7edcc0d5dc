import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import { readWebhookStatus } from "../../../../modules/esim/lifecycle"
import EsimModuleService from "../../../../modules/esim/service"

/** Whether esimfly's webhooks are connected, to which URL, the last event received and the refused signatures; never the secret. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  res.json({ webhooks: await readWebhookStatus(esim, esim.getOptions().webhookSecret) })
}
