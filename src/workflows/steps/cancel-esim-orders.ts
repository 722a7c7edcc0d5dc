import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import { cancelIntent, CancelIntentRow } from "../../modules/esim/cancel"
import { watchBalance } from "../utils/admin-alerts"
import { CANCELED_BY_MERCHANT, hasSettledCancel, IntentCancelOutcome } from "../../modules/esim/cancel"
import EsimModuleService from "../../modules/esim/service"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const cancelEsimIntentsStepId = "cancel-esim-intents"

export type CancelEsimIntentsInput = {
  order_id: string
  /** Only these lines; every eSIM line of the order when left out. */
  line_item_ids?: string[]
  /** Only these intents, asked for by an admin: esimfly is asked again even after an earlier outcome. */
  intent_ids?: string[]
  /** Only intents whose cancel was asked for (a purchase run finishing a cancel that came meanwhile). */
  requested_only?: boolean
}

export type CancelEsimIntentsOutput = { outcomes: IntentCancelOutcome[] }

const unchanged = (intent: CancelIntentRow): IntentCancelOutcome => ({ id: intent.id, line_item_id: intent.line_item_id, outcome: "unchanged", message: null })

/**
 * Cancels the order's eSIM intents of the given lines (or intents), one esimfly cancel per
 * bought batch, and writes each outcome on its intent. Nothing to compensate: esimfly
 * cannot un-cancel, and every outcome is recorded.
 */
export const cancelEsimIntentsStep = createStep(
  cancelEsimIntentsStepId,
  profiledInvoke("cancel_check", async (input: CancelEsimIntentsInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    if (input.line_item_ids?.length === 0 || input.intent_ids?.length === 0) {
      return new StepResponse<CancelEsimIntentsOutput>({ outcomes: [] })
    }
    if (input.requested_only) {
      await isOrderCanceled(container, input.order_id)
    }
    const filters = {
      order_id: input.order_id,
      ...(input.line_item_ids ? { line_item_id: input.line_item_ids } : {}),
      ...(input.intent_ids ? { id: input.intent_ids } : {}),
      ...(input.requested_only ? { cancel_requested_at: { $ne: null } } : {}),
    }
    const order = { line_item_id: "ASC" as const, batch: "ASC" as const }
    const intents = await esim.listEsimOrders(filters, { take: null, relations: ["esims"], order })
    const explicit = !!input.intent_ids
    const outcomes: IntentCancelOutcome[] = []
    for (const row of intents) {
      const intent = row as unknown as CancelIntentRow
      const settled = hasSettledCancel(intent) && (!explicit || intent.error_code === CANCELED_BY_MERCHANT)
      outcomes.push(settled ? unchanged(intent) : await cancelIntent(esim, intent))
    }
    if (outcomes.some((outcome) => outcome.outcome === "cancelled")) {
      // A refund raises the mirrored balance, which may end a low-balance incident.
      await watchBalance(container)
    }
    return new StepResponse<CancelEsimIntentsOutput>({ outcomes })
  })
)
