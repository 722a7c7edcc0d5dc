import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { IntentRow, purchaseIntent, PurchaseResult } from "../../modules/esim/purchase-intent"
import EsimModuleService from "../../modules/esim/service"
import { BUYABLE_STATUSES } from "../../modules/esim/types"
import { watchBalance } from "../utils/admin-alerts"
import { readPurchaseEligibility } from "../utils/purchase-eligibility"
import { currentRunner } from "../utils/runner"

export const buyEsimIntentsStepId = "buy-esim-intents"

export type BuyEsimIntentsInput = { order_id: string; intent_ids?: string[] }

export type BuyEsimIntentsOutput = { outcomes: { id: string; status: string }[] }

/**
 * Buys every intent of the order that is still `pending`, one create-order per batch,
 * in sequence (it shares one rate limit). Nothing to compensate: a bought eSIM is kept.
 */
export const buyEsimIntentsStep = createStep(
  buyEsimIntentsStepId,
  async ({ order_id, intent_ids }: BuyEsimIntentsInput, { container }) => {
    // Every purchase passes here: an order that may not buy now keeps its pending intents (until its capture, say).
    if (!(await readPurchaseEligibility(container, order_id)).eligible) {
      return new StepResponse<BuyEsimIntentsOutput>({ outcomes: [] })
    }
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const filters = { order_id, status: BUYABLE_STATUSES, ...(intent_ids ? { id: intent_ids } : {}) }
    const intents = await esim.listEsimOrders(filters, { take: null, order: { line_item_id: "ASC", batch: "ASC" } })
    const outcomes: BuyEsimIntentsOutput["outcomes"] = []
    let balance: PurchaseResult["balance"] = null
    const by = currentRunner(container)
    for (const intent of intents) {
      const result = await purchaseIntent(esim, intent as unknown as IntentRow, by)
      outcomes.push({ id: intent.id, status: result.status })
      balance = result.balance ?? balance
    }
    if (balance) {
      // esimfly reports the balance left after each purchase: the cheapest moment to notice a low balance.
      await watchBalance(container, balance.amount, balance.currency)
    }
    return new StepResponse<BuyEsimIntentsOutput>({ outcomes })
  }
)
