import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { buyTopUp } from "../../../modules/esim/top-up"
import EsimModuleService from "../../../modules/esim/service"
import { readPurchaseEligibility } from "../../utils/purchase-eligibility"
import { requestTopUpsCancel } from "../cancel-state"

export const buyEsimTopUpsStepId = "buy-esim-top-ups"

export type BoughtTopUp = { id: string; status: string | null }

/** Whether the order may still buy, read right before each top-up; a canceled order's top-ups are canceled. */
async function mayBuy(container: MedusaContainer, orderId: string): Promise<boolean> {
  const eligibility = await readPurchaseEligibility(container, orderId)
  if (!eligibility.eligible && (eligibility.reason === "canceled" || eligibility.reason === "not_found")) {
    await requestTopUpsCancel(container, orderId)
  }
  return eligibility.eligible
}

/**
 * Buys each `pending` top-up of the order with one `POST /topup/order` (buyTopUp: total_mb
 * read first, guarded claim, the outcome written after). A bought top-up is never undone,
 * so there is nothing to compensate: its row keeps what happened.
 */
export const buyEsimTopUpsStep = createStep(
  buyEsimTopUpsStepId,
  async ({ order_id }: { order_id: string }, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const pending = await esim.listEsimTopUps(
      { order_id, status: "pending", cancel_requested_at: null },
      { take: null, order: { created_at: "ASC" } }
    )
    const outcomes: BoughtTopUp[] = []
    for (const topUp of pending) {
      if (!(await mayBuy(container, order_id))) {
        break
      }
      const fields = await buyTopUp(esim, topUp)
      outcomes.push({ id: topUp.id, status: fields?.status ?? null })
    }
    return new StepResponse({ outcomes })
  }
)
