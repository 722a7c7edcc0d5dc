import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelEsimsWorkflow } from "../workflows/cancel-esims"

/** A canceled order cancels its eSIMs at esimfly and stops buying the ones not bought yet. */
export default async function esimOrderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelEsimsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "esimfly-order-canceled" },
}
