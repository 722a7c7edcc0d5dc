import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { planTopUps, TopUpOrder } from "../../../modules/esim/top-up"
import EsimModuleService from "../../../modules/esim/service"

export const recordEsimTopUpsStepId = "record-esim-top-ups"

// "items.*": an order line's quantity comes from its order item, which only the whole item brings.
const ORDER_FIELDS = ["id", "email", "customer_id", "currency_code", "items.*"]

/**
 * Writes one top-up per top-up line before anything is sent (unique `line_item_id`, so an
 * `order.placed` delivered twice records once). A line whose seal does not match is written
 * `failed` and never bought. Rows are the record of what was sold: nothing to compensate.
 */
export const recordEsimTopUpsStep = createStep(
  recordEsimTopUpsStepId,
  async ({ order_id }: { order_id: string }, { container }: StepExecutionContext) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } })
    const order: TopUpOrder | undefined = data[0]
    const drafts = order ? planTopUps(order, esim.getOptions().secretKey) : []
    if (!drafts.length) {
      return new StepResponse({ created: 0 })
    }
    const existing = await esim.listEsimTopUps({ order_id }, { take: null, select: ["line_item_id"] })
    const known = new Set(existing.map((row) => row.line_item_id))
    const missing = drafts.filter((draft) => !known.has(draft.line_item_id))
    let created = 0
    for (const draft of missing) {
      // A racing run that wrote the same line first makes this insert fail on the unique key: the line is recorded.
      await esim
        .createEsimTopUps(draft)
        .then(() => created++)
        .catch(async (error) => {
          const [raced] = await esim.listEsimTopUps({ line_item_id: draft.line_item_id }, { take: 1 })
          if (!raced) {
            throw error
          }
        })
    }
    return new StepResponse({ created })
  }
)
