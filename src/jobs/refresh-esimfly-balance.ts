import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { jobIntervalMs } from "../modules/esim/job-interval"
import { refreshStaleBalance } from "../workflows/utils/refresh-balance"

/** Keeps the balance mirror no older than `balanceRefreshIntervalMs` when nothing else reports it. */
export default async function refreshEsimflyBalanceJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await refreshStaleBalance(container)
}

/** Ticks every minute (ESIMFLY_BALANCE_JOB_TICK_MS); each tick reads esimfly only when the mirror is stale. */
export const config = {
  name: "esimfly-refresh-balance",
  schedule: { interval: jobIntervalMs("ESIMFLY_BALANCE_JOB_TICK_MS", process.env.ESIMFLY_BALANCE_JOB_TICK_MS, 60000) },
}
