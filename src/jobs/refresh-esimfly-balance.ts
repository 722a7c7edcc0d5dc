import { esimJobConfig } from "../lib/job-config"
import { esimJob } from "../workflows/utils/esim-job"
import { refreshStaleBalance } from "../workflows/utils/refresh-balance"

/** Keeps the balance mirror no older than `balanceRefreshIntervalMs` when nothing else reports it. */
export default esimJob(refreshStaleBalance)

/** Ticks every minute by default; each tick reads esimfly only when the mirror is stale. */
export const config = esimJobConfig("esimfly-refresh-balance", "ESIMFLY_BALANCE_JOB_TICK_MS")
