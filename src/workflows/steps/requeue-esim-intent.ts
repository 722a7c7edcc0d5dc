import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { settleUnknownOutcome } from "../../modules/esim/adopt-order"
import { CANCELED_BY_MERCHANT } from "../../modules/esim/cancel-outcomes"
import { withEvent } from "../../modules/esim/history"
import { IntentRow } from "../../modules/esim/purchase-intent"
import EsimModuleService from "../../modules/esim/service"
import { RETRYABLE_STATUSES } from "../../modules/esim/types"

export const requeueEsimIntentStepId = "requeue-esim-intent"

export type RequeueEsimIntentInput = { id: string }

/**
 * Prepares one intent for a retry: a held or failed intent (nothing was bought) goes back
 * to `pending`; an intent whose outcome is unknown is settled against esimfly first.
 */
export const requeueEsimIntentStep = createStep(
  requeueEsimIntentStepId,
  async ({ id }: RequeueEsimIntentInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const intent = await esim.retrieveEsimOrder(id)
    if (intent.error_code === CANCELED_BY_MERCHANT) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `eSIM order ${id} was cancelled before it was bought; it is not bought again`)
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
