import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke, readyLines } from "../../modules/esim/delivery"
import { withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { recordEsimFulfillment } from "../utils/esim-fulfillment"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const deliverEsimOrderStepId = "deliver-esim-order"

export type DeliverEsimOrderInput = { order_id: string }

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
      const fulfillmentId = await recordEsimFulfillment(container, order_id, plan)
      await esim.updateEsimOrders(
        ready.map((esimOrder) => ({
          id: esimOrder.id,
          fulfillment_id: fulfillmentId,
          history: withEvent(esimOrder.history, { at, type: "delivered", message: `fulfillment ${fulfillmentId}` }),
        }))
      )
      return new StepResponse({ fulfillment_id: fulfillmentId as string | null })
    } catch (error) {
      const message = `fulfillment not recorded: ${(error as Error).message}`
      await esim.updateEsimOrders(
        ready.map((esimOrder) => ({
          id: esimOrder.id,
          history: withEvent(esimOrder.history, { at, type: "fulfillment_failed", message }),
        }))
      )
      return new StepResponse({ fulfillment_id: null as string | null })
    }
  })
)
