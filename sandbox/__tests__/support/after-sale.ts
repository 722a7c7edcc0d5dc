import { ApiClient } from "./signed-fetch"
import { CreateOrderBody } from "./wire"

export const ALL_EVENTS = [
  "esim.installed",
  "esim.profile.updated",
  "esim.usage.threshold",
  "esim.status.changed",
  "esim.provisioned",
]

export interface PutWebhookBody {
  success: true
  message: string
  webhook: { url: string; secret: string; events: string[] }
  note: string
}

/** PUT /webhooks; answers the secret (shown once). */
export async function registerWebhook(api: ApiClient, url: string, events = ALL_EVENTS): Promise<string> {
  const reply = await api.call<PutWebhookBody>({ method: "PUT", path: "/webhooks", body: { webhook_url: url, events } })
  if (reply.status !== 200) throw new Error(`PUT /webhooks answered ${reply.status}`)
  return reply.body.webhook.secret
}

/** Buys one eSIM; answers its ICCID and order reference. */
export async function buyEsim(api: ApiClient, packageCode = "TR-1GB-7D") {
  const created = await api.post<CreateOrderBody>("/esims/order", { packageCode })
  return {
    iccid: created.body.esims[0].iccid,
    orderReference: created.body.orderReference,
    esimId: created.body.esimId,
  }
}

/** A webhook body as lifecycle.md describes it. */
export interface WebhookBody {
  event: string
  timestamp: string
  data: Record<string, unknown> & { iccid: string; order_reference: string }
}
