import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { parseNow, resolveEsimOrder } from "../utils/pending-poll"

export const resolvePendingEsimOrdersStepId = "resolve-pending-esim-orders"

export type ResolvePendingEsimOrdersInput = { now?: string }

export type ResolvePendingEsimOrdersOutput = {
  outcomes: { id: string; order_id: string; status: string }[]
  /** Orders with an eSIM order that left `pending_details` in this run. */
  order_ids: string[]
}

/**
 * Polls esimfly for every `pending_details` eSIM order that is due, one at a time (they share
 * one rate limit), and stores the eSIMs that arrived. Never re-orders: an eSIM order pending
 * too long is flagged `needs_attention`.
 */
export const resolvePendingEsimOrdersStep = createStep(
  resolvePendingEsimOrdersStepId,
  async (input: ResolvePendingEsimOrdersInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = parseNow(input.now)
    const filters = {
      status: "pending_details" as const,
      $or: [{ next_poll_at: null }, { next_poll_at: { $lte: now } }],
    }
    const esimOrders = await esim.listEsimOrders(filters, {
      take: null,
      order: { next_poll_at: "ASC" },
      relations: ["esims"],
    })
    const outcomes: ResolvePendingEsimOrdersOutput["outcomes"] = []
    for (const esimOrder of esimOrders) {
      const change = await resolveEsimOrder(esim, esimOrder, now)
      const history = change.event ? { history: withEvent(esimOrder.history, change.event) } : {}
      await esim.updateEsimOrders({ id: esimOrder.id, status: change.status, ...change.fields, ...history })
      outcomes.push({ id: esimOrder.id, order_id: esimOrder.order_id, status: change.status })
    }
    const settled = outcomes.filter((outcome) => outcome.status !== "pending_details")
    const order_ids = [...new Set(settled.map((outcome) => outcome.order_id))]
    return new StepResponse<ResolvePendingEsimOrdersOutput>({ outcomes, order_ids })
  }
)
