import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { settleTopUp, TOP_UP_NOT_APPLIED_AFTER_MS } from "../../../modules/esim/top-up"
import EsimModuleService from "../../../modules/esim/service"

export const settleEsimTopUpsStepId = "settle-esim-top-ups"

export type SettleEsimTopUpsInput = {
  grace_ms: number
  /** How long after its call a total that has not grown proves the top-up was not applied (default 15 min). */
  not_applied_after_ms?: number
  now?: Date
}

/** How many top-ups one run looks at per kind; the rest wait for the next tick. */
const BATCH = 50

/**
 * Settles every `unknown` top-up from the eSIM's total_mb (never resent), and a `buying` one
 * a crash left once its call can no longer be answered. Returns the orders whose top-ups are
 * still `pending`, or bought and not emailed, past the grace, for the buy workflow to finish.
 */
export const settleEsimTopUpsStep = createStep(
  settleEsimTopUpsStepId,
  async (input: SettleEsimTopUpsInput, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const before = new Date(now.getTime() - input.grace_ms)
    const interrupted = new Date(before.getTime() - esim.getOptions().orderTimeoutMs)
    const judgeable = new Date(now.getTime() - (input.not_applied_after_ms ?? TOP_UP_NOT_APPLIED_AFTER_MS))
    const take = { take: BATCH, order: { created_at: "ASC" as const } }
    const stuck = await esim.listEsimTopUps({ status: "buying", last_attempt_at: { $lt: interrupted } }, take)
    if (stuck.length) {
      await esim.updateEsimTopUps({
        selector: { id: stuck.map((row) => row.id), status: "buying" },
        data: { status: "unknown" },
      })
    }
    const unknown = await esim.listEsimTopUps({ status: "unknown" }, take)
    const settled: { id: string; status: string | null }[] = []
    for (const topUp of unknown) {
      const final = (topUp.last_attempt_at ?? topUp.created_at) < judgeable
      settled.push({ id: topUp.id, status: (await settleTopUp(esim, topUp, final)).status ?? null })
    }
    const unfinished = await esim.listEsimTopUps(
      {
        $or: [
          { status: "pending", cancel_requested_at: null },
          { status: "bought", email_sent_at: null },
        ],
        created_at: { $lt: before },
      },
      take
    )
    const order_ids = [...new Set(unfinished.map((row) => row.order_id))]
    return new StepResponse({ settled, order_ids })
  }
)
