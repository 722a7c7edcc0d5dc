import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../modules/esim"
import { ESIMFLY_WEBHOOK_RECEIVED, readWebhookDelivery, storeWebhookDelivery } from "../../../modules/esim/lifecycle"
import EsimModuleService from "../../../modules/esim/service"
import { webhookDelivery } from "./delivery"

/** esimfly's webhooks: verified on the raw bytes, stored once per X-Webhook-Id, answered at once, processed by a subscriber. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const now = new Date()
  const row = readWebhookDelivery(webhookDelivery(req), await esim.webhookSecret(), now)
  if (!row) {
    await esim.recordEsimflyWebhookState({ kind: "refused", at: now })
    return res.status(401).json({ message: "invalid webhook signature" })
  }
  const id = await esim.runEsimSql((manager) => storeWebhookDelivery(manager, row))
  if (!id) {
    return res.status(200).json({ received: true, duplicate: true })
  }
  if (row.status === "received") {
    await req.scope.resolve(Modules.EVENT_BUS).emit({ name: ESIMFLY_WEBHOOK_RECEIVED, data: { id } })
  }
  res.status(200).json({ received: true })
}
