import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFulfillmentWorkflow, markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke, readyLines, timeDeliveryPhase } from "../../modules/esim/delivery"
import { withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const deliverEsimOrderStepId = "deliver-esim-order"

export type DeliverEsimOrderInput = { order_id: string }

/** The esimfly provider's id is `esimfly_<id from medusa-config>`. */
export const isEsimflyProvider = (providerId: unknown) => typeof providerId === "string" && providerId.startsWith("esimfly_")

async function esimShippingOptionId(container: MedusaContainer, orderId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["shipping_methods.shipping_option_id"], filters: { id: orderId } })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "provider_id"] })
  const esimOptions = options.filter((option) => isEsimflyProvider(option.provider_id)).map((option) => option.id)
  const methods = (orders[0]?.shipping_methods ?? []) as ({ shipping_option_id?: string | null } | null)[]
  const chosen = methods.map((method) => method?.shipping_option_id)
  return esimOptions.find((id) => chosen.includes(id)) ?? esimOptions[0] ?? null
}

/**
 * Records a real Medusa fulfillment for every eSIM line whose eSIMs are all stored, and
 * marks it delivered; a canceled order or a canceled line gets none. A fulfillment error is written on the eSIM orders, never thrown: the
 * eSIMs are bought and stored, and the shopper still gets them.
 */
export const deliverEsimOrderStep = createStep(
  deliverEsimOrderStepId,
  profiledInvoke("deliver", async ({ order_id }: DeliverEsimOrderInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    if (await isOrderCanceled(container, order_id)) {
      return new StepResponse({ fulfillment_id: null as string | null })
    }
    // A line with a canceled batch is never delivered: its eSIMs go back to esimfly.
    const filters = { order_id, cancel_requested_at: null }
    const esimOrders = await esim.listEsimOrders(filters, { take: null, relations: ["esims"] })
    const plan = readyLines(esimOrders)
    if (!plan.items.length) {
      return new StepResponse({ fulfillment_id: null as string | null })
    }
    const at = new Date().toISOString()
    const ready = esimOrders.filter((esimOrder) => plan.esimOrderIds.includes(esimOrder.id))
    try {
      const shipping_option_id = await esimShippingOptionId(container, order_id)
      if (!shipping_option_id) {
        throw new Error("no shipping option uses the esimfly fulfillment provider")
      }
      const input = { order_id, items: plan.items, shipping_option_id, additional_data: { esims: plan.summary } }
      const fulfillment = await timeDeliveryPhase(order_id, "fulfillment", async () => {
        const { result } = await createOrderFulfillmentWorkflow(container).run({ input })
        await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: order_id, fulfillmentId: result.id } })
        return result
      })
      await esim.updateEsimOrders(ready.map((esimOrder) => ({
        id: esimOrder.id,
        fulfillment_id: fulfillment.id,
        history: withEvent(esimOrder.history, { at, type: "delivered", message: `fulfillment ${fulfillment.id}` }),
      })))
      return new StepResponse({ fulfillment_id: fulfillment.id as string | null })
    } catch (error) {
      const message = `fulfillment not recorded: ${(error as Error).message}`
      await esim.updateEsimOrders(ready.map((esimOrder) => ({
        id: esimOrder.id,
        history: withEvent(esimOrder.history, { at, type: "fulfillment_failed", message }),
      })))
      return new StepResponse({ fulfillment_id: null as string | null })
    }
  })
)
