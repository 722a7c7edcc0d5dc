import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import { IntentRow, purchaseIntent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { BUYABLE_STATUSES } from "../../modules/esim/purchase"
import { watchBalance } from "../utils/admin-alerts"
import { readPurchaseEligibility } from "../utils/purchase-eligibility"
import { currentRunner } from "../utils/runner"
import { EsimOrderLock, extendEsimOrderLock } from "./esim-order-lock"

export const buyEsimIntentsStepId = "buy-esim-intents"

export type BuyEsimIntentsInput = { order_id: string; intent_ids?: string[]; lock?: EsimOrderLock }

export type BuyEsimIntentsOutput = { outcomes: { id: string; status: string }[] }

/**
 * Whether the order may still buy, read right before a batch. A canceled or vanished order
 * is recorded as a cancel on all its intents; one waiting (for a capture, say) keeps them pending.
 */
async function mayBuy(container: MedusaContainer, esim: EsimModuleService, orderId: string): Promise<boolean> {
  const eligibility = await readPurchaseEligibility(container, orderId)
  if (!eligibility.eligible && (eligibility.reason === "canceled" || eligibility.reason === "not_found")) {
    await esim.requestEsimOrdersCancel({ order_id: orderId }, new Date())
  }
  return eligibility.eligible
}

/**
 * Buys every intent of the order that is still `pending`, one create-order per batch, in
 * sequence (it shares one rate limit). Whether the order may buy is read before each batch;
 * a cancelled intent is only ever sent to replay its own key (see purchaseIntent). Nothing
 * to compensate: a bought eSIM is kept.
 */
export const buyEsimIntentsStep = createStep(
  buyEsimIntentsStepId,
  profiledInvoke("buy", async ({ order_id, intent_ids, lock }: BuyEsimIntentsInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const filters = { order_id, status: BUYABLE_STATUSES, ...(intent_ids ? { id: intent_ids } : {}) }
    const intents = await esim.listEsimOrders(filters, { take: null, order: { line_item_id: "ASC", batch: "ASC" } })
    const outcomes: BuyEsimIntentsOutput["outcomes"] = []
    let balanceReported = false
    const by = currentRunner(container)
    for (const intent of intents) {
      if (!intent.cancel_requested_at && !(await mayBuy(container, esim, order_id))) {
        break
      }
      await extendEsimOrderLock(container, lock)
      const result = await purchaseIntent(esim, intent as unknown as IntentRow, by)
      if (result) {
        outcomes.push({ id: intent.id, status: result.status })
        balanceReported ||= result.balance_reported
      }
    }
    if (balanceReported) {
      // esimfly reports the balance left after each purchase: the cheapest moment to notice a low balance.
      await watchBalance(container)
    }
    return new StepResponse<BuyEsimIntentsOutput>({ outcomes })
  })
)
