import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { sendUsageLowAlerts } from "../utils/esim-life-alerts"

export const notifyEsimUsageLowStepId = "notify-esim-usage-low"

/** The eSIMs to check: by ICCID, or those named by processed `esim.usage.threshold` events. */
export type NotifyEsimUsageLowInput = { iccids?: string[]; webhook_event_ids?: string[] }

async function iccidsOf(esim: EsimModuleService, input: NotifyEsimUsageLowInput): Promise<string[]> {
  if (!input.webhook_event_ids?.length) {
    return input.iccids ?? []
  }
  const filters = { id: input.webhook_event_ids, event: "esim.usage.threshold" }
  const events = await esim.listEsimflyWebhookEvents(filters, { take: null })
  return [...new Set([...(input.iccids ?? []), ...events.flatMap((event) => event.iccid ?? [])])]
}

/** Emails `esim-usage-low` once per threshold for the eSIMs whose mirror newly crossed one; never throws for a send. */
export const notifyEsimUsageLowStep = createStep(
  notifyEsimUsageLowStepId,
  async (input: NotifyEsimUsageLowInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    return new StepResponse(await sendUsageLowAlerts(container, await iccidsOf(esim, input)))
  }
)
