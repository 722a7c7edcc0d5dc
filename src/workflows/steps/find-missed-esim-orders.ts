import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { PlannableOrder, planIntents } from "../../modules/esim/purchase-plan"
import EsimModuleService from "../../modules/esim/service"

export const findMissedEsimOrdersStepId = "find-missed-esim-orders"

export type FindMissedEsimOrdersInput = { now: string; grace_ms: number; lookback_ms: number; limit: number }

/**
 * Placed orders with eSIM lines and no purchase intent after the grace period: their
 * `order.placed` was lost (the local event bus drops events on a crash).
 */
export const findMissedEsimOrdersStep = createStep(
  findMissedEsimOrdersStepId,
  async (input: FindMissedEsimOrdersInput, { container }) => {
    const now = new Date(input.now).getTime()
    const created_at = { $gte: new Date(now - input.lookback_ms), $lte: new Date(now - input.grace_ms) }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "items.*", "items.variant.metadata"],
      filters: { created_at, status: { $ne: "canceled" } },
      pagination: { take: input.limit, order: { created_at: "ASC" } },
    })
    const withEsims = (data as unknown as PlannableOrder[]).filter((order) => planIntents(order).length > 0)
    if (!withEsims.length) {
      return new StepResponse({ order_ids: [] as string[] })
    }
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const intents = await esim.listEsimOrders({ order_id: withEsims.map((o) => o.id) }, { take: null, select: ["order_id"] })
    const covered = new Set(intents.map((intent) => intent.order_id))
    return new StepResponse({ order_ids: withEsims.map((o) => o.id).filter((id) => !covered.has(id)) })
  }
)
