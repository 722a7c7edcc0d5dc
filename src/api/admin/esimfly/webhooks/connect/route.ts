import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../../../modules/esim"
import { connectWebhooks, readWebhookStatus, webhookUrlFor } from "../../../../../modules/esim/lifecycle"
import EsimModuleService from "../../../../../modules/esim/service"
import { callEsimfly } from "../../errors"

/**
 * Connects esimfly's webhooks to this store: `PUT /webhooks` with the public URL and the events
 * used, the returned secret stored. Connecting again rotates the secret. Answers the status, never the secret.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const { admin } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const url = webhookUrlFor(esim.getOptions().webhookUrl, admin?.backendUrl)
  if (!url) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "esimfly: set option \"webhookUrl\" to the store's public https URL; the admin's backendUrl is not an absolute URL"
    )
  }
  await callEsimfly(() => connectWebhooks(esim, url, new Date()))
  req.scope.resolve(ContainerRegistrationKeys.LOGGER).info(`esimfly: webhooks connected to ${url}`)
  res.json({ webhooks: await readWebhookStatus(esim, esim.getOptions().webhookSecret) })
}
