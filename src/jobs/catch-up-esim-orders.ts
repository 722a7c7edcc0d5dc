import { esimJobConfig } from "../lib/job-config"
import { catchUpEsimOrdersWorkflow } from "../workflows/catch-up-esim-orders"
import { esimJob } from "../workflows/utils/esim-job"

/** Finds placed orders whose eSIMs were never bought (a lost order.placed) and buys them once. */
export default esimJob((container) => catchUpEsimOrdersWorkflow(container).run({ input: {} }))

export const config = esimJobConfig("esimfly-catch-up-orders", "ESIMFLY_CATCH_UP_INTERVAL_MS")
