import { esimJobConfig } from "../lib/job-config"
import { notifyExpiringEsimsWorkflow } from "../workflows/notify-expiring-esims"
import { esimJob } from "../workflows/utils/esim-job"

/** Emails `esim-expiring` a day before an eSIM expires (hourly check by default). */
export default esimJob((container) => notifyExpiringEsimsWorkflow(container).run({ input: {} }))

export const config = esimJobConfig("esimfly-notify-expiring-esims", "ESIMFLY_EXPIRY_ALERT_INTERVAL_MS")
