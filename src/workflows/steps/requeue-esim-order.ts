import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { interruptedUpdate, isInterruptedPurchase, withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { refuseUnretryable } from "../utils/esim-order-retry"
import { currentRunner } from "../utils/runner"

export const requeueEsimOrderStepId = "requeue-esim-order"

export type RequeueEsimOrderInput = {
  id: string
  /** Reconciliation only: a `purchasing` eSIM order last attempted at or before this was interrupted (ISO date). */
  interrupted_before?: string
}

/**
 * Prepares one eSIM order for a retry: a held or failed eSIM order (nothing was bought) goes back
 * to `pending`; an eSIM order whose outcome is unknown is settled against esimfly first, and
 * so is a `purchasing` eSIM order that reconciliation found interrupted (read under the lock).
 * An eSIM order whose cancel was asked for is only ever settled, never bought again.
 */
export const requeueEsimOrderStep = createStep(
  requeueEsimOrderStepId,
  async ({ id, interrupted_before }: RequeueEsimOrderInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    let esimOrder = await esim.retrieveEsimOrder(id)
    if (interrupted_before) {
      if (!isInterruptedPurchase(esimOrder, new Date(interrupted_before))) {
        // Settled by the purchase that held the lock meanwhile: nothing left for reconciliation.
        return new StepResponse({ order_id: esimOrder.order_id, status: esimOrder.status })
      }
      const message = "no answer stored within the create-order timeout (a crash?); settling it against esimfly"
      esimOrder = await esim.updateEsimOrders(
        interruptedUpdate(esimOrder, new Date(), { message, by: currentRunner(container) })
      )
    }
    refuseUnretryable(esimOrder)
    if (esimOrder.status === "needs_attention") {
      const status = await esim.settleUnknownOutcome(esimOrder)
      return new StepResponse({ order_id: esimOrder.order_id, status })
    }
    const at = new Date().toISOString()
    await esim.updateEsimOrders({
      id,
      status: "pending",
      error_code: null,
      error_message: null,
      current_balance: null,
      required_balance: null,
      history: withEvent(esimOrder.history, { at, type: "retry_requested", message: `was ${esimOrder.status}` }),
    })
    return new StepResponse({ order_id: esimOrder.order_id, status: "pending" })
  }
)
