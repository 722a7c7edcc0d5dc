import { esimJobConfig } from "../lib/job-config"
import { processEsimflyWebhookWorkflow } from "../workflows/process-esimfly-webhook"
import { esimJob } from "../workflows/utils/esim-job"

/** Tries again the webhook events that arrived before their eSIM was stored. */
export default esimJob((container) => processEsimflyWebhookWorkflow(container).run({ input: {} }))

export const config = esimJobConfig("esimfly-retry-webhooks", "ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS")
