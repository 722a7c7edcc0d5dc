import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { processWebhookEvent, WebhookOutcome } from "../../modules/esim/lifecycle"
import EsimModuleService from "../../modules/esim/service"
import { parseNow } from "../utils/pending-poll"

export const processEsimflyWebhooksStepId = "process-esimfly-webhooks"

export type ProcessEsimflyWebhooksInput = {
  /** Stored events to process now (the subscriber); without ids, every waiting event that is due (the job). */
  ids?: string[]
  now?: string
}

export type ProcessEsimflyWebhooksOutput = { outcomes: WebhookOutcome[]; settles: boolean }

/** Applies stored esimfly webhook events one at a time, oldest first; never calls esimfly. */
export const processEsimflyWebhooksStep = createStep(
  processEsimflyWebhooksStepId,
  async (input: ProcessEsimflyWebhooksInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = parseNow(input.now)
    const filters = input.ids
      ? { id: input.ids, status: ["received" as const, "waiting" as const] }
      : { status: "waiting" as const, next_attempt_at: { $lte: now } }
    const rows = await esim.listEsimflyWebhookEvents(filters, { take: null, order: { received_at: "ASC" } })
    const outcomes: WebhookOutcome[] = []
    for (const row of rows) {
      const outcome = await processWebhookEvent(esim, row, now)
      if (outcome) {
        outcomes.push(outcome)
      }
    }
    const settles = outcomes.some((outcome) => outcome.settles)
    return new StepResponse<ProcessEsimflyWebhooksOutput>({ outcomes, settles })
  }
)
