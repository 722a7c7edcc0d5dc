import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelEsimTopUpsWorkflow } from "../workflows/esim-top-ups"

/** A canceled order's top-ups not bought yet are canceled and never bought; bought ones need no esimfly call. */
export default async function esimTopUpOrderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelEsimTopUpsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "esimfly-top-up-order-canceled" },
}
