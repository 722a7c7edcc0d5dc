import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { readyLines } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"
import { FindMissedEsimOrdersInput } from "./find-missed-esim-orders"

export const findUndeliveredEsimOrdersStepId = "find-undelivered-esim-orders"

/**
 * Orders whose eSIMs were bought and stored but whose fulfillment was never recorded (it
 * failed, or the process stopped in between), after the grace period. Canceled orders and
 * canceled lines are left alone: their eSIMs are being canceled, not delivered.
 */
export const findUndeliveredEsimOrdersStep = createStep(
  findUndeliveredEsimOrdersStepId,
  async (input: FindMissedEsimOrdersInput, { container }) => {
    const now = new Date(input.now).getTime()
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const completed_at = { $gte: new Date(now - input.lookback_ms), $lte: new Date(now - input.grace_ms) }
    const stalled = await esim.listEsimOrders(
      { status: "completed", fulfillment_id: null, cancel_requested_at: null, completed_at },
      { take: input.limit, select: ["order_id"] }
    )
    const candidates = [...new Set(stalled.map((esimOrder) => esimOrder.order_id))]
    if (!candidates.length) {
      return new StepResponse({ order_ids: [] as string[] })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { id: candidates, status: { $ne: "canceled" } },
    })
    const open = new Set(data.map((order) => order.id as string))
    const esimOrders = await esim.listEsimOrders(
      { order_id: [...open], cancel_requested_at: null },
      { take: null, relations: ["esims"] }
    )
    const ready = [...open].filter(
      (orderId) => readyLines(esimOrders.filter((esimOrder) => esimOrder.order_id === orderId)).items.length > 0
    )
    return new StepResponse({ order_ids: ready })
  }
)
