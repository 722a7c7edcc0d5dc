import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { cancelEsimsWorkflow } from "../cancel-esims"
import { recordMissedCancels, unfinishedByOrder } from "../utils/unfinished-cancels"

export const finishEsimCancelsStepId = "finish-esim-cancels"

export type FinishEsimCancelsInput = { now: string; lookback_ms: number }

export type FinishEsimCancelsOutput = { orders: { order_id: string; esim_order_ids: string[]; error?: string }[] }

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
