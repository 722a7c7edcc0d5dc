import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { withEvent } from "../../modules/esim/purchase"
import { ReturnedItem, returnedEsimLines } from "../../modules/esim/cancel"
import EsimModuleService from "../../modules/esim/service"

export const planReturnedEsimLinesStepId = "plan-returned-esim-lines"

export type PlanReturnedEsimLinesInput = { order_id: string; return_id: string }

type ReturnRow = { id: string; items?: (ReturnedItem | null)[] | null }

/**
 * Finds the eSIM lines a received return brings back in full. A partially returned line
 * is not canceled (esimfly would cancel the whole batch); its eSIM orders get a note instead.
 */
export const planReturnedEsimLinesStep = createStep(
  planReturnedEsimLinesStepId,
  async ({ order_id, return_id }: PlanReturnedEsimLinesInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const esimOrders = await esim.listEsimOrders({ order_id }, { take: null })
    if (!esimOrders.length) {
      return new StepResponse({ line_item_ids: [] as string[] })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const fields = ["id", "items.item_id", "items.received_quantity", "items.damaged_quantity"]
    const { data } = await query.graph({ entity: "return", fields, filters: { order_id } })
    const returns: ReturnRow[] = data
    const itemsOf = (row?: ReturnRow) => (row?.items ?? []).flatMap((item) => (item ? [item] : []))
    const thisReturn = itemsOf(returns.find((row) => row.id === return_id)).map((item) => item.item_id)
    const plan = returnedEsimLines(esimOrders, returns.flatMap(itemsOf), thisReturn)
    const at = new Date().toISOString()
    const notes = plan.partial.flatMap((line) =>
      esimOrders
        .filter((esimOrder) => esimOrder.line_item_id === line.line_item_id)
        .map((esimOrder) => {
          const message = `return ${return_id} brought back ${line.returned} of ${line.ordered}: not canceled at esimfly, which cancels whole batches; cancel this batch by hand if that is intended`
          return { id: esimOrder.id, history: withEvent(esimOrder.history, { at, type: "cancel_skipped", message }) }
        })
    )
    if (notes.length) {
      await esim.updateEsimOrders(notes)
    }
    return new StepResponse({ line_item_ids: plan.full })
  }
)
