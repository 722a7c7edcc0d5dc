import { esimJobConfig } from "../lib/job-config"
import { resolvePendingEsimsWorkflow } from "../workflows/resolve-pending-esims"
import { esimJob } from "../workflows/utils/esim-job"

/** Resolves eSIMs esimfly was still provisioning; a no-op when the esim module is not registered. */
export default esimJob((container) => resolvePendingEsimsWorkflow(container).run({ input: {} }))

export const config = esimJobConfig("esimfly-resolve-pending", "ESIMFLY_PENDING_JOB_INTERVAL_MS")
