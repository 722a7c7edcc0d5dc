import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import {
  CancelableEsimOrder,
  CANCELED_BY_MERCHANT,
  cancelFilters,
  CancelSelection,
  EsimOrderCancelOutcome,
  hasSettledCancel,
} from "../../modules/esim/cancel"
import { watchBalance } from "../utils/admin-alerts"
import EsimModuleService from "../../modules/esim/service"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const cancelEsimOrdersStepId = "cancel-esim-orders"

export type CancelEsimOrdersInput = CancelSelection

export type CancelEsimOrdersOutput = { outcomes: EsimOrderCancelOutcome[] }

/**
 * Cancels the order's eSIM orders of the given lines (or eSIM orders), one esimfly cancel per
 * bought batch, and writes each outcome on its eSIM order. Nothing to compensate: esimfly
 * cannot un-cancel, and every outcome is recorded.
 */
export const cancelEsimOrdersStep = createStep(
  cancelEsimOrdersStepId,
  profiledInvoke("cancel_check", async (input: CancelEsimOrdersInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    if (input.line_item_ids?.length === 0 || input.esim_order_ids?.length === 0) {
      return new StepResponse<CancelEsimOrdersOutput>({ outcomes: [] })
    }
    if (input.requested_only) {
      await isOrderCanceled(container, input.order_id)
    }
    const esimOrders = await esim.listEsimOrders(cancelFilters(input), {
      take: null,
      relations: ["esims"],
      order: { line_item_id: "ASC", batch: "ASC" },
    })
    const explicit = !!input.esim_order_ids
    const outcomes: EsimOrderCancelOutcome[] = []
    for (const esimOrder of esimOrders) {
      const settled = hasSettledCancel(esimOrder) && (!explicit || esimOrder.error_code === CANCELED_BY_MERCHANT)
      const unchanged = { id: esimOrder.id, line_item_id: esimOrder.line_item_id, outcome: "unchanged" as const }
      outcomes.push(settled ? { ...unchanged, message: null } : await esim.cancelEsimOrder(esimOrder))
    }
    if (outcomes.some((outcome) => outcome.outcome === "canceled")) {
      // A refund raises the mirrored balance, which may end a low-balance incident.
      await watchBalance(container)
    }
    return new StepResponse<CancelEsimOrdersOutput>({ outcomes })
  })
)
