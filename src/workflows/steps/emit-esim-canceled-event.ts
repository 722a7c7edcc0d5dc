import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IntentCancelOutcome } from "../../modules/esim/cancel"
import { EsimOrderEvents } from "./emit-esim-order-events"

export const emitEsimCanceledEventStepId = "emit-esim-canceled-event"

export type EmitEsimCanceledEventInput = { order_id: string; outcomes: IntentCancelOutcome[] }

const QUIET = ["unchanged", "nothing_to_cancel"]

/** Emits `esim_order.canceled` with each intent's outcome, when this run changed anything. */
export const emitEsimCanceledEventStep = createStep(
  emitEsimCanceledEventStepId,
  async ({ order_id, outcomes }: EmitEsimCanceledEventInput, { container }) => {
    const intents = outcomes.filter((outcome) => !QUIET.includes(outcome.outcome))
    if (!intents.length) {
      return new StepResponse({ emitted: false })
    }
    await container.resolve(Modules.EVENT_BUS).emit({ name: EsimOrderEvents.CANCELED, data: { order_id, intents } })
    return new StepResponse({ emitted: true })
  }
)
