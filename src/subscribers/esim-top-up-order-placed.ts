import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { buyEsimTopUpsWorkflow } from "../workflows/esim-top-ups"

/** Buys the top-ups of every placed order once; the workflow makes redelivery safe. */
export default async function esimTopUpOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await buyEsimTopUpsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "esimfly-top-up-order-placed" },
}
