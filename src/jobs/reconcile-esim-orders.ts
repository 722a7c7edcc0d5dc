import { esimJobConfig, jobVariableMs } from "../lib/job-config"
import { reconcileEsimOrdersWorkflow } from "../workflows/reconcile-esim-orders"
import { esimJob } from "../workflows/utils/esim-job"

const grace_ms = jobVariableMs("ESIMFLY_RECONCILE_GRACE_MS", process.env.ESIMFLY_RECONCILE_GRACE_MS)

/** Settles purchases whose answer was lost (timeouts, dropped replies, crashes mid-call). */
export default esimJob((container) => reconcileEsimOrdersWorkflow(container).run({ input: { grace_ms } }))

export const config = esimJobConfig("esimfly-reconcile-orders", "ESIMFLY_RECONCILE_INTERVAL_MS")
