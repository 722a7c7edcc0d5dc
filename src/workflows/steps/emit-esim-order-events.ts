import { Modules } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"

export const emitEsimOrderEventsStepId = "emit-esim-order-events"

export const EsimOrderEvents = {
  COMPLETED: "esim_order.completed",
  FAILED: "esim_order.failed",
  /** `{ order_id, eSIM orders: [{ id, line_item_id, outcome, message }] }` after a cancel changed anything. */
  CANCELED: "esim_order.canceled",
} as const

export type EmitEsimOrderEventsInput = {
  order_id: string
  outcomes: { id: string; status: string }[]
  fulfillment_id: string | null
}

const FAILURES = ["held", "failed", "needs_attention"]

/**
 * Emits `esim_order.failed` for eSIM orders that failed in this run, and
 * `esim_order.completed` when this run delivered the order's last eSIMs.
 */
export const emitEsimOrderEventsStep = createStep(
  emitEsimOrderEventsStepId,
  profiledInvoke("events", async (input: EmitEsimOrderEventsInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const failed = input.outcomes.filter((outcome) => FAILURES.includes(outcome.status))
    const events: { name: string; data: Record<string, unknown> }[] = []
    if (failed.length) {
      events.push({ name: EsimOrderEvents.FAILED, data: { order_id: input.order_id, esimOrders: failed } })
    }
    const esimOrders = await esim.listEsimOrders({ order_id: input.order_id }, { take: null })
    const allDone =
      esimOrders.length > 0 &&
      esimOrders.every((esimOrder) => esimOrder.status === "completed" && esimOrder.fulfillment_id)
    if (input.fulfillment_id && allDone) {
      events.push({
        name: EsimOrderEvents.COMPLETED,
        data: { order_id: input.order_id, fulfillment_id: input.fulfillment_id },
      })
    }
    if (events.length) {
      await eventBus.emit(events)
    }
    return new StepResponse({ emitted: events.map((event) => event.name) })
  })
)
