import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import { BalanceReading } from "../../modules/esim/money"
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

/**
 * Emits `esimfly.balance_low` and tells the admins when the mirrored balance has just gone
 * under the threshold: once per crossing, whichever process mirrored the reading.
 */
export async function watchBalance(container: MedusaContainer): Promise<void> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const threshold = esim.getOptions().lowBalanceThreshold
  const balance = threshold === undefined ? null : await esim.readEsimflyBalance()
  if (!balance || threshold === undefined) {
    return
  }
  const low = balance.amount < threshold
  if (!(await esim.markEsimflyBalanceAlert(low)) || !low) {
    return
  }
  const { amount, currency } = balance
  await container
    .resolve(Modules.EVENT_BUS)
    .emit({ name: ESIMFLY_BALANCE_LOW_EVENT, data: { balance: amount, currency, threshold } })
  await notifyAdmins(
    container,
    "esimfly balance is low",
    `${amount} ${currency} left, under the ${threshold} ${currency} threshold. Top up to keep selling eSIMs.`
  )
}

/** Mirrors a balance esimfly reported (a purchase's or a refund's `newBalance`), then watches it. */
export async function mirrorBalance(container: MedusaContainer, reading: BalanceReading): Promise<void> {
  await container.resolve<EsimModuleService>(ESIM_MODULE).recordEsimflyBalance(reading)
  await watchBalance(container)
}
