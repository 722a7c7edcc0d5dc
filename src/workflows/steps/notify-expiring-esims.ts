import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sendExpiringAlerts } from "../utils/esim-life-alerts"
import { parseNow } from "../utils/pending-poll"

export const notifyExpiringEsimsStepId = "notify-expiring-esims"

/** Emails `esim-expiring` once per expiry for eSIMs that expire within a day; reads only the mirror. */
export const notifyExpiringEsimsStep = createStep(
  notifyExpiringEsimsStepId,
  async (input: { now?: string }, { container }) =>
    new StepResponse(await sendExpiringAlerts(container, parseNow(input.now)))
)
