import { esimJobConfig } from "../lib/job-config"
import { ESIM_MODULE } from "../modules/esim"
import EsimModuleService from "../modules/esim/service"
import { runEsimCatalogueSync } from "../workflows/sync-esim-catalogue"
import { esimJob } from "../workflows/utils/esim-job"

/** Mirrors the esimfly catalogue into products; skips a tick while an admin-started sync runs. */
export default esimJob(async (container) => {
  if (!container.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().isRunning()) {
    await runEsimCatalogueSync(container)
  }
})

/** First run one interval after start-up (12 h by default); "Sync now" in the admin runs it at once. */
export const config = esimJobConfig("esimfly-sync-catalogue", "ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS")
