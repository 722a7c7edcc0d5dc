import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { CANCELED_BY_MERCHANT, hasSettledCancel } from "../../modules/esim/cancel"
import EsimModuleService from "../../modules/esim/service"
import { cancelEsimsWorkflow } from "../cancel-esims"

export const finishEsimCancelsStepId = "finish-esim-cancels"

export type FinishEsimCancelsInput = { now: string; lookback_ms: number }

export type FinishEsimCancelsOutput = { orders: { order_id: string; esim_order_ids: string[]; error?: string }[] }

/** eSIM orders a cancel can finish under the lock now; `purchasing`, `pending_details` and unknown outcomes settle first. */
const FINISHABLE = ["pending", "held", "failed", "completed"] as const

/** Canceled orders whose `order.canceled` never reached the plugin: the cancel is recorded on their eSIM orders. */
async function recordMissedCancels(container: MedusaContainer, esim: EsimModuleService, since: Date): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { status: "canceled", canceled_at: { $gte: since } },
  })
  if (!data.length) {
    return
  }
  const unflagged = await esim.listEsimOrders(
    { order_id: data.map((o) => o.id), cancel_requested_at: null },
    { take: null, select: ["order_id"] }
  )
  for (const order_id of new Set(unflagged.map((esimOrder) => esimOrder.order_id))) {
    await esim.requestEsimOrdersCancel({ order_id }, new Date())
  }
}

async function unfinishedByOrder(esim: EsimModuleService): Promise<Map<string, string[]>> {
  const flagged = await esim.listEsimOrders(
    { cancel_requested_at: { $ne: null }, status: [...FINISHABLE] },
    { take: null }
  )
  const unfinished = flagged.filter(
    (esimOrder) => esimOrder.error_code !== CANCELED_BY_MERCHANT && !hasSettledCancel(esimOrder)
  )
  const byOrder = new Map<string, string[]>()
  for (const esimOrder of unfinished) {
    byOrder.set(esimOrder.order_id, [...(byOrder.get(esimOrder.order_id) ?? []), esimOrder.id])
  }
  return byOrder
}

/**
 * The cancel catch-up: finds cancels that were asked for but never finished (the lock was
 * never had, esimfly failed, or `order.canceled` was lost) and finishes them, one order at
 * a time. An order whose lock is busy is left for the next run.
 */
export const finishEsimCancelsStep = createStep(
  finishEsimCancelsStepId,
  async (input: FinishEsimCancelsInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    await recordMissedCancels(container, esim, new Date(new Date(input.now).getTime() - input.lookback_ms))
    const orders: FinishEsimCancelsOutput["orders"] = []
    for (const [order_id, esim_order_ids] of await unfinishedByOrder(esim)) {
      const { errors } = await cancelEsimsWorkflow(container).run({
        input: { order_id, esim_order_ids },
        throwOnError: false,
      })
      orders.push({ order_id, esim_order_ids, ...(errors.length ? { error: errors[0].error.message } : {}) })
    }
    return new StepResponse<FinishEsimCancelsOutput>({ orders })
  }
)
