import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { settleUnknownOutcome } from "../../modules/esim/purchase"
import { CANCELED_BY_MERCHANT } from "../../modules/esim/cancel"
import { withEvent } from "../../modules/esim/purchase"
import { interruptedUpdate, isInterruptedPurchase } from "../../modules/esim/purchase"
import { IntentRow } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { RETRYABLE_STATUSES } from "../../modules/esim/purchase"
import { currentRunner } from "../utils/runner"

export const requeueEsimIntentStepId = "requeue-esim-intent"

export type RequeueEsimIntentInput = {
  id: string
  /** Reconciliation only: a `purchasing` intent last attempted at or before this was interrupted (ISO date). */
  interrupted_before?: string
}

/**
 * Prepares one intent for a retry: a held or failed intent (nothing was bought) goes back
 * to `pending`; an intent whose outcome is unknown is settled against esimfly first, and
 * so is a `purchasing` intent that reconciliation found interrupted (read under the lock).
 * An intent whose cancel was asked for is only ever settled, never bought again.
 */
export const requeueEsimIntentStep = createStep(
  requeueEsimIntentStepId,
  async ({ id, interrupted_before }: RequeueEsimIntentInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    let intent = await esim.retrieveEsimOrder(id)
    if (interrupted_before) {
      if (!isInterruptedPurchase(intent, new Date(interrupted_before))) {
        // Settled by the purchase that held the lock meanwhile: nothing left for reconciliation.
        return new StepResponse({ order_id: intent.order_id, status: intent.status })
      }
      const message = "no answer stored within the create-order timeout (a crash?); settling it against esimfly"
      intent = await esim.updateEsimOrders(interruptedUpdate(intent, new Date(), { message, by: currentRunner(container) }))
    }
    if (intent.error_code === CANCELED_BY_MERCHANT) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `eSIM order ${id} was cancelled before it was bought; it is not bought again`)
    }
    if (intent.cancel_requested_at && intent.status !== "needs_attention") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `eSIM order ${id} belongs to a cancel; it is not bought again`)
    }
    if (!RETRYABLE_STATUSES.includes(intent.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `eSIM order ${id} is ${intent.status}; only held, failed or needs_attention orders can be retried`)
    }
    if (intent.status === "needs_attention") {
      const status = await settleUnknownOutcome(esim, intent as unknown as IntentRow & { last_attempt_at: Date | null })
      return new StepResponse({ order_id: intent.order_id, status })
    }
    const at = new Date().toISOString()
    await esim.updateEsimOrders({
      id,
      status: "pending",
      error_code: null,
      error_message: null,
      current_balance: null,
      required_balance: null,
      history: withEvent(intent.history, { at, type: "retry_requested", message: `was ${intent.status}` }),
    })
    return new StepResponse({ order_id: intent.order_id, status: "pending" })
  }
)
