import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow, markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import { readyLines, timeDeliveryPhase } from "../../modules/esim/delivery"

/** The esimfly provider's id is `esimfly_<id from medusa-config>`. */
export const isEsimflyProvider = (providerId: unknown) =>
  typeof providerId === "string" && providerId.startsWith("esimfly_")

async function esimShippingOptionId(container: MedusaContainer, orderId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["shipping_methods.shipping_option_id"],
    filters: { id: orderId },
  })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "provider_id"] })
  const esimOptions = options.filter((option) => isEsimflyProvider(option.provider_id)).map((option) => option.id)
  const methods = (orders[0]?.shipping_methods ?? []) as ({ shipping_option_id?: string | null } | null)[]
  const chosen = methods.map((method) => method?.shipping_option_id)
  return esimOptions.find((id) => chosen.includes(id)) ?? esimOptions[0] ?? null
}

/** Creates the Medusa fulfillment of the ready lines through the esimfly shipping option and marks it delivered. */
export async function recordEsimFulfillment(
  container: MedusaContainer,
  orderId: string,
  plan: ReturnType<typeof readyLines>
): Promise<string> {
  const shipping_option_id = await esimShippingOptionId(container, orderId)
  if (!shipping_option_id) {
    throw new Error("no shipping option uses the esimfly fulfillment provider")
  }
  const input = { order_id: orderId, items: plan.items, shipping_option_id, additional_data: { esims: plan.summary } }
  return timeDeliveryPhase(orderId, "fulfillment", async () => {
    const { result } = await createOrderFulfillmentWorkflow(container).run({ input })
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId, fulfillmentId: result.id } })
    return result.id
  })
}
