import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelReturnedEsimsWorkflow } from "../workflows/cancel-returned-esims"

/** A received return (also of a claim or an exchange) cancels the eSIM lines it brings back in full. */
export default async function esimReturnReceivedHandler({
  event,
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  const { order_id, return_id } = event.data
  await cancelReturnedEsimsWorkflow(container).run({ input: { order_id, return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "esimfly-return-received" },
}
