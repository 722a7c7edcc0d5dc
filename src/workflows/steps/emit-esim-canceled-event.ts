import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EsimOrderCancelOutcome } from "../../modules/esim/cancel"
import { EsimOrderEvents } from "./emit-esim-order-events"

export const emitEsimCanceledEventStepId = "emit-esim-canceled-event"

export type EmitEsimCanceledEventInput = { order_id: string; outcomes: EsimOrderCancelOutcome[] }

const QUIET = ["unchanged", "nothing_to_cancel"]

/** Emits `esim_order.canceled` with each eSIM order's outcome, when this run changed anything. */
export const emitEsimCanceledEventStep = createStep(
  emitEsimCanceledEventStepId,
  async ({ order_id, outcomes }: EmitEsimCanceledEventInput, { container }) => {
    const esimOrders = outcomes.filter((outcome) => !QUIET.includes(outcome.outcome))
    if (!esimOrders.length) {
      return new StepResponse({ emitted: false })
    }
    await container.resolve(Modules.EVENT_BUS).emit({ name: EsimOrderEvents.CANCELED, data: { order_id, esimOrders } })
    return new StepResponse({ emitted: true })
  }
)
