import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ESIMFLY_WEBHOOK_RECEIVED } from "../modules/esim/lifecycle"
import { processEsimflyWebhookWorkflow } from "../workflows/process-esimfly-webhook"

/** Processes a stored esimfly webhook outside the request that received it. */
export default async function esimflyWebhookReceivedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await processEsimflyWebhookWorkflow(container).run({ input: { ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: ESIMFLY_WEBHOOK_RECEIVED,
  context: { subscriberId: "esimfly-webhook-received" },
}
