import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import {
  markInterruptedPurchases,
  planEsimOrders,
  PlannableOrder,
  PURCHASE_PLAN_FIELDS,
  purchaseEligibility,
  PurchaseEligibility,
  withEvent,
} from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

export const prepareEsimOrdersStepId = "prepare-esim-orders"

export type PrepareEsimOrdersInput = { order_id: string }

export type PrepareEsimOrdersOutput = { created: number; interrupted: number; eligibility: PurchaseEligibility }

/**
 * Creates the eSIM orders an order still lacks (one per line and batch of ≤ 10) once it
 * may buy (purchaseEligibility), and marks an eSIM order left "purchasing" past any possible answer (a crash) as needing
 * attention: its outcome is unknown, so it must be looked up, never re-bought.
 */
export const prepareEsimOrdersStep = createStep(
  prepareEsimOrdersStepId,
  profiledInvoke("prepare", async ({ order_id }: PrepareEsimOrdersInput, { container }: StepExecutionContext) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    // One read of the order serves both the decision and the plan; the eSIM orders are read beside it.
    const [{ data }, existing] = await Promise.all([
      query.graph({ entity: "order", fields: PURCHASE_PLAN_FIELDS, filters: { id: order_id } }),
      esim.listEsimOrders({ order_id }, { take: null }),
    ])
    // An order that may not buy gets no eSIM order; eSIM orders made before (a cancel, say) are left as they are.
    const eligibility = purchaseEligibility(data[0], esim.getOptions().buyWhen)
    if (!eligibility.eligible) {
      return new StepResponse<PrepareEsimOrdersOutput>({ created: 0, interrupted: 0, eligibility })
    }
    const order: PlannableOrder = data[0]
    const known = new Set(existing.map((esimOrder) => esimOrder.idempotency_key))
    const missing = planEsimOrders(order).filter((draft) => !known.has(draft.idempotency_key))
    if (missing.length) {
      const now = new Date().toISOString()
      await esim.createEsimOrders(
        missing.map((draft) => ({ ...draft, history: withEvent(null, { at: now, type: "pending" }) }))
      )
    }
    const interrupted = await markInterruptedPurchases(esim, existing)
    return new StepResponse<PrepareEsimOrdersOutput>({ created: missing.length, interrupted, eligibility })
  })
)
