import { esimJobConfig, jobVariableMs } from "../lib/job-config"
import { buyEsimTopUpsWorkflow, settleEsimTopUpsWorkflow } from "../workflows/esim-top-ups"
import { esimJob } from "../workflows/utils/esim-job"

/** Settles top-ups whose answer was lost (from total_mb, never resent) and finishes those left pending or unmailed. */
export default esimJob(async (container) => {
  const grace_ms = jobVariableMs("ESIMFLY_RECONCILE_GRACE_MS", process.env.ESIMFLY_RECONCILE_GRACE_MS)
  const { result } = await settleEsimTopUpsWorkflow(container).run({ input: { grace_ms } })
  for (const order_id of result.order_ids) {
    await buyEsimTopUpsWorkflow(container).run({ input: { order_id } })
  }
})

export const config = esimJobConfig("esimfly-settle-top-ups", "ESIMFLY_TOP_UP_SETTLE_INTERVAL_MS")
