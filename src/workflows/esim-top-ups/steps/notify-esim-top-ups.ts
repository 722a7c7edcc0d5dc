import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import type { EsimTopUpRow } from "../../../modules/esim/models/esim-top-up"
import { claimTopUp, toppedUpNotification } from "../../../modules/esim/top-up"
import EsimModuleService from "../../../modules/esim/service"
import { esimEmailLook } from "../../utils/esim-email-look"
import { notificationFailure } from "../../utils/notification-failure"

export const notifyEsimTopUpsStepId = "notify-esim-top-ups"

async function send(container: MedusaContainer, topUp: EsimTopUpRow & { email: string }): Promise<boolean> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const claim = { kind: "email" as const, at: new Date() }
  if (!(await esim.runEsimSql((manager) => claimTopUp(manager, topUp.id, claim)))) {
    return false
  }
  try {
    await container
      .resolve(Modules.NOTIFICATION)
      .createNotifications([toppedUpNotification({ ...topUp, look: await esimEmailLook(container, topUp.order_id) })])
    return true
  } catch (error) {
    // Unmarked, so the next run (or the settle job) tries again; the top-up itself stands.
    await esim.updateEsimTopUps({ id: topUp.id, email_sent_at: null })
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(`esimfly: the top-up email of ${topUp.id} failed: ${notificationFailure(error, [])}`)
    return false
  }
}

/** Emails the shopper once per bought top-up (`esim-topped-up`, option `notifyToppedUp`); a claim makes it once. */
export const notifyEsimTopUpsStep = createStep(
  notifyEsimTopUpsStepId,
  async ({ order_id }: { order_id: string }, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    if (!esim.getOptions().notifyToppedUp) {
      return new StepResponse({ sent: 0 })
    }
    const bought = await esim.listEsimTopUps({ order_id, status: "bought", email_sent_at: null }, { take: null })
    let sent = 0
    for (const topUp of bought) {
      if (topUp.email && (await send(container, { ...topUp, email: topUp.email }))) {
        sent++
      }
    }
    return new StepResponse({ sent })
  }
)
