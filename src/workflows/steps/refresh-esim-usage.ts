import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import type { UsageRefresh } from "../../modules/esim/usage"

export const refreshEsimUsageStepId = "refresh-esim-usage"

export type RefreshEsimUsageInput = { iccid: string }

/** How long a second refresh of the same eSIM waits for the first (s); the first's reading then answers it. */
const LOCK_WAIT_S = 30

/**
 * One usage query for one eSIM outside its cache window. The eSIM's lock makes two refreshes
 * at once ask esimfly once: the second reads the mirror only after the first wrote it. An
 * esimfly failure is logged and answered with the mirror, never thrown.
 */
export const refreshEsimUsageStep = createStep(
  refreshEsimUsageStepId,
  async (input: RefreshEsimUsageInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const result = await locking.execute(
      `esim-usage:${input.iccid}`,
      async (): Promise<UsageRefresh> => {
        const [profile] = await esim.listEsimProfiles({ iccid: input.iccid })
        if (!profile) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM with ICCID: ${input.iccid} was not found`)
        }
        return esim.refreshEsimUsage(profile, new Date())
      },
      { timeout: LOCK_WAIT_S }
    )
    if (result.failure) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`esimfly: usage of eSIM ${input.iccid} not refreshed (${result.failure.kind}): ${result.failure.message}`)
    }
    return new StepResponse(result)
  }
)
