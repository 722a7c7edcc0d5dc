import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"

export const ESIMFLY_BALANCE_LOW_EVENT = "esimfly.balance_low"
export const ESIMFLY_CHECKOUT_REFUSED_EVENT = "esimfly.checkout_refused"

/** An admin notification in Medusa Admin's feed; a missing feed provider is logged, never thrown. */
export async function notifyAdmins(container: MedusaContainer, title: string, description: string): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.warn(`esimfly: ${title}: ${description}`)
  try {
    await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: { title, description },
    })
  } catch (error) {
    logger.warn(`esimfly: the admin notification could not be sent (${(error as Error).message})`)
  }
}

/** Emits `esimfly.balance_low` and tells the admins once, when a balance reading crosses the threshold. */
export async function watchBalance(container: MedusaContainer, balance: number, currency: string): Promise<void> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const threshold = esim.getOptions().lowBalanceThreshold
  if (!esim.alerts.crossedLow(balance, threshold)) {
    return
  }
  await container.resolve(Modules.EVENT_BUS).emit({ name: ESIMFLY_BALANCE_LOW_EVENT, data: { balance, currency, threshold } })
  await notifyAdmins(container, "esimfly balance is low", `${balance} ${currency} left, under the ${threshold} ${currency} threshold. Top up to keep selling eSIMs.`)
}
