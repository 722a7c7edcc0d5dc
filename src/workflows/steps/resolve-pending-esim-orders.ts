import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { withEvent } from "../../modules/esim/purchase"
import { toProfileRows } from "../../modules/esim/purchase"
import { isPendingTooOld, PendingChange, pendingTimedOut, pollAnswered, pollFailed } from "../../modules/esim/purchase"
import { storeProfiles } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

export const resolvePendingEsimIntentsStepId = "resolve-pending-esim-intents"

export type ResolvePendingEsimIntentsInput = { now?: string }

export type ResolvePendingEsimIntentsOutput = {
  outcomes: { id: string; order_id: string; status: string }[]
  /** Orders with an intent that left `pending_details` in this run. */
  order_ids: string[]
}

type DueIntent = Awaited<ReturnType<EsimModuleService["listEsimOrders"]>>[number]

function parseNow(now: string | undefined): Date {
  const date = now ? new Date(now) : new Date()
  if (Number.isNaN(date.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"now" must be an ISO date, got "${now}"`)
  }
  return date
}

/** One status poll, or the timeout; a bought eSIM is stored before the intent says so. */
async function resolveIntent(esim: EsimModuleService, intent: DueIntent, now: Date): Promise<PendingChange> {
  const { pendingMaxAgeMs } = esim.getOptions()
  if (isPendingTooOld(intent, now, pendingMaxAgeMs)) {
    return pendingTimedOut(intent, now, pendingMaxAgeMs)
  }
  const nextPollAt = esim.nextPollAt(intent.poll_count + 1, now)
  try {
    if (!intent.esimfly_order_reference) {
      throw new Error("no esimfly order reference is recorded on the intent")
    }
    const order = await esim.getClient().getOrder(intent.esimfly_order_reference)
    if (!order.pending && order.esims.length) {
      await storeProfiles(esim, toProfileRows(order.esims, intent, order.packageName))
    }
    return pollAnswered(intent, order, now, nextPollAt)
  } catch (error) {
    return pollFailed(intent, error, now, nextPollAt)
  }
}

/**
 * Polls esimfly for every `pending_details` intent that is due, one at a time (they share
 * one rate limit), and stores the eSIMs that arrived. Never re-orders: an intent pending
 * too long is flagged `needs_attention`.
 */
export const resolvePendingEsimIntentsStep = createStep(
  resolvePendingEsimIntentsStepId,
  async (input: ResolvePendingEsimIntentsInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = parseNow(input.now)
    const filters = { status: "pending_details" as const, $or: [{ next_poll_at: null }, { next_poll_at: { $lte: now } }] }
    const intents = await esim.listEsimOrders(filters, { take: null, order: { next_poll_at: "ASC" }, relations: ["esims"] })
    const outcomes: ResolvePendingEsimIntentsOutput["outcomes"] = []
    for (const intent of intents) {
      const change = await resolveIntent(esim, intent, now)
      const history = change.event ? { history: withEvent(intent.history, change.event) } : {}
      await esim.updateEsimOrders({ id: intent.id, status: change.status, ...change.fields, ...history })
      outcomes.push({ id: intent.id, order_id: intent.order_id, status: change.status })
    }
    const settled = outcomes.filter((outcome) => outcome.status !== "pending_details")
    const order_ids = [...new Set(settled.map((outcome) => outcome.order_id))]
    return new StepResponse<ResolvePendingEsimIntentsOutput>({ outcomes, order_ids })
  }
)
