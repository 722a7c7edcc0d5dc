import { jobVariableMs, MAX_INTERVAL_MS } from "../lib/job-config"
import { syncEsimUsageWorkflow } from "../workflows/sync-esim-usage"
import { esimJob } from "../workflows/utils/esim-job"

const interval = jobVariableMs("ESIMFLY_USAGE_SYNC_INTERVAL_MS", process.env.ESIMFLY_USAGE_SYNC_INTERVAL_MS)

/** Mirrors the ACTIVE eSIMs' data and status from esimfly's list, nightly by default; 0 turns it off. */
export default esimJob(async (container) => {
  if (interval > 0) {
    await syncEsimUsageWorkflow(container).run({ input: {} })
  }
})

export const config = { name: "esimfly-sync-esim-usage", schedule: { interval: interval || MAX_INTERVAL_MS } }
