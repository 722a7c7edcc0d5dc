import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { isPendingTooOld, PendingChange, pendingTimedOut, pollAnswered, pollFailed, toProfileRows, withEvent } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

export const resolvePendingEsimOrdersStepId = "resolve-pending-esim-orders"

export type ResolvePendingEsimOrdersInput = { now?: string }

export type ResolvePendingEsimOrdersOutput = {
  outcomes: { id: string; order_id: string; status: string }[]
  /** Orders with an eSIM order that left `pending_details` in this run. */
  order_ids: string[]
}

type DueEsimOrder = Awaited<ReturnType<EsimModuleService["listEsimOrders"]>>[number]

function parseNow(now: string | undefined): Date {
  const date = now ? new Date(now) : new Date()
  if (Number.isNaN(date.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"now" must be an ISO date, got "${now}"`)
  }
  return date
}

/** One status poll, or the timeout; a bought eSIM is stored before the eSIM order says so. */
async function resolveEsimOrder(esim: EsimModuleService, esimOrder: DueEsimOrder, now: Date): Promise<PendingChange> {
  const { pendingMaxAgeMs } = esim.getOptions()
  if (isPendingTooOld(esimOrder, now, pendingMaxAgeMs)) {
    return pendingTimedOut(esimOrder, now, pendingMaxAgeMs)
  }
  const nextPollAt = esim.nextPollAt(esimOrder.poll_count + 1, now)
  try {
    if (!esimOrder.esimfly_order_reference) {
      throw new Error("no esimfly order reference is recorded on the eSIM order")
    }
    const order = await esim.getClient().getOrder(esimOrder.esimfly_order_reference)
    if (!order.pending && order.esims.length) {
      await esim.storeEsimProfiles(toProfileRows(order.esims, esimOrder, order.packageName))
    }
    return pollAnswered(esimOrder, order, now, nextPollAt)
  } catch (error) {
    return pollFailed(esimOrder, error, now, nextPollAt)
  }
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
    const filters = { status: "pending_details" as const, $or: [{ next_poll_at: null }, { next_poll_at: { $lte: now } }] }
    const esimOrders = await esim.listEsimOrders(filters, { take: null, order: { next_poll_at: "ASC" }, relations: ["esims"] })
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
