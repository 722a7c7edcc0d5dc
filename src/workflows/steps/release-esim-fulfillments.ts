import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { canceledAt, releasableEsimFulfillments } from "../utils/order-cancel-state"

export const releaseEsimFulfillmentsStepId = "release-esim-fulfillments"

export type ReleaseEsimFulfillmentsInput = { order_id: string }

const RELEASED =
  "fulfillment marked canceled so that Medusa can cancel the order; its eSIMs are canceled at esimfly once the order is canceled"

/**
 * Medusa cancels an order only when every fulfillment is canceled, and refuses to cancel a
 * delivered one. The eSIM fulfillment is delivered at once, so this marks it canceled for
 * an order cancel, but only when nothing else would block it (an open non-eSIM
 * fulfillment, a completed or canceled order): then it changes nothing.
 */
export const releaseEsimFulfillmentsStep = createStep(
  releaseEsimFulfillmentsStepId,
  async ({ order_id }: ReleaseEsimFulfillmentsInput, { container }) => {
    const ids = await releasableEsimFulfillments(container, order_id)
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of ids) {
      await fulfillment.updateFulfillment(id, canceledAt(new Date()))
    }
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const esimOrders = ids.length ? await esim.listEsimOrders({ order_id, fulfillment_id: ids }, { take: null }) : []
    const at = new Date().toISOString()
    await esim.updateEsimOrders(
      esimOrders.map((esimOrder) => ({
        id: esimOrder.id,
        history: withEvent(esimOrder.history, { at, type: "fulfillment_released", message: RELEASED }),
      }))
    )
    return new StepResponse({ released: ids }, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    for (const id of ids) {
      await fulfillment.updateFulfillment(id, canceledAt(null))
    }
  }
)
