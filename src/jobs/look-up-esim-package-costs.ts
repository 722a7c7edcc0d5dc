import { esimJobConfig } from "../lib/job-config"
import { lookUpEsimPackageCostsWorkflow } from "../workflows/look-up-esim-package-costs"
import { esimJob } from "../workflows/utils/esim-job"

/** Mirrors the cost of hand-mapped package codes the mirror lacks or holds too long, a few per run. */
export default esimJob((container) => lookUpEsimPackageCostsWorkflow(container).run({ input: {} }))

/** Every 10 min by default; each run searches at most option `costLookupBatch` codes. */
export const config = esimJobConfig("esimfly-look-up-package-costs", "ESIMFLY_COST_LOOKUP_INTERVAL_MS")
