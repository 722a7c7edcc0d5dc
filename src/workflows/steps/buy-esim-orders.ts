import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"
import { BUYABLE_STATUSES } from "../../modules/esim/purchase"
import { watchBalance } from "../utils/admin-alerts"
import { mayStillBuy } from "../utils/purchase-eligibility"
import { currentRunner } from "../utils/runner"
import { EsimOrderLock, extendEsimOrderLock } from "../utils/esim-order-lock"

export const buyEsimOrdersStepId = "buy-esim-orders"

export type BuyEsimOrdersInput = { order_id: string; esim_order_ids?: string[]; lock?: EsimOrderLock }

export type BuyEsimOrdersOutput = { outcomes: { id: string; status: string }[] }

/**
 * Buys every eSIM order of the order that is still `pending`, one create-order per batch, in
 * sequence (it shares one rate limit). Whether the order may buy is read before each batch;
 * a canceled eSIM order is only ever sent to replay its own key (see buyEsimOrder). Nothing
 * to compensate: a bought eSIM is kept.
 */
export const buyEsimOrdersStep = createStep(
  buyEsimOrdersStepId,
  profiledInvoke(
    "buy",
    async ({ order_id, esim_order_ids, lock }: BuyEsimOrdersInput, { container }: StepExecutionContext) => {
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      const filters = { order_id, status: BUYABLE_STATUSES, ...(esim_order_ids ? { id: esim_order_ids } : {}) }
      const esimOrders = await esim.listEsimOrders(filters, {
        take: null,
        order: { line_item_id: "ASC", batch: "ASC" },
      })
      const outcomes: BuyEsimOrdersOutput["outcomes"] = []
      let balanceReported = false
      const by = currentRunner(container)
      for (const esimOrder of esimOrders) {
        if (!esimOrder.cancel_requested_at && !(await mayStillBuy(container, order_id))) {
          break
        }
        await extendEsimOrderLock(container, lock)
        const result = await esim.buyEsimOrder(esimOrder, by)
        if (result) {
          outcomes.push({ id: esimOrder.id, status: result.status })
          balanceReported ||= result.balance_reported
        }
      }
      if (balanceReported) {
        // esimfly reports the balance left after each purchase: the cheapest moment to notice a low balance.
        await watchBalance(container)
      }
      return new StepResponse<BuyEsimOrdersOutput>({ outcomes })
    }
  )
)
