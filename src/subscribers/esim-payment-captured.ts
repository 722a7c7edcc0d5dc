import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../modules/esim"
import EsimModuleService from "../modules/esim/service"
import { purchaseEsimsWorkflow } from "../workflows/purchase-esims"

/** With `buyWhen: "captured"`, buys the eSIMs of the order whose payment was captured (capturePaymentWorkflow). */
export default async function esimPaymentCapturedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  if (container.resolve<EsimModuleService>(ESIM_MODULE).getOptions().buyWhen !== "captured") {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId: string | undefined = data[0]?.payment_collection?.order?.id
  if (orderId) {
    await purchaseEsimsWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "esimfly-payment-captured" },
}
