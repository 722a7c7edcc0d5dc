import type { MedusaRequest } from "@medusajs/framework/http"
import type { WebhookDelivery } from "../../../modules/esim/lifecycle"

/** The raw bytes (kept by `readRawBody`) and the headers esimfly sends with a delivery. */
export function webhookDelivery(req: MedusaRequest): WebhookDelivery {
  return {
    rawBody: Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined,
    signature: req.get("x-webhook-signature") ?? undefined,
    webhookId: req.get("x-webhook-id") ?? undefined,
    eventHeader: req.get("x-webhook-event") ?? undefined,
  }
}
