import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { purchaseEsimsWorkflow } from "../workflows/purchase-esims"

/** Buys and delivers the eSIMs of every placed order; the workflow makes redelivery safe. */
export default async function esimOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await purchaseEsimsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "esimfly-order-placed" },
}
