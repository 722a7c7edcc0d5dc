import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import { isFresh } from "../../modules/esim/money"
import EsimModuleService from "../../modules/esim/service"
import { watchBalance } from "./admin-alerts"

/**
 * Reads the balance from esimfly when no purchase, refund or earlier read has mirrored it
 * within `balanceRefreshIntervalMs`. An esimfly failure is logged: the mirror keeps its last
 * reading and its age, which the admin card and the checkout guard both show and weigh.
 */
export async function refreshStaleBalance(
  container: MedusaContainer,
  now = new Date()
): Promise<"refreshed" | "fresh" | "failed"> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const mirrored = await esim.readEsimflyBalance()
  if (isFresh(mirrored?.read_at, esim.getOptions().balanceRefreshIntervalMs, now)) {
    return "fresh"
  }
  try {
    await esim.refreshEsimflyBalance("refresh")
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `esimfly: the balance could not be refreshed (${(error as Error).message}); the mirror keeps its last reading`
      )
    return "failed"
  }
  await watchBalance(container)
  return "refreshed"
}
