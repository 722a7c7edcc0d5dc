import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import EsimModuleService from "../modules/esim/service"
import { catalogueSyncIntervalMs, runEsimCatalogueSync } from "../workflows/sync-esim-catalogue"

/** Mirrors the esimfly catalogue into products; skips a tick while an admin-started sync runs. */
export default async function syncEsimCatalogueJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE) || container.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().isRunning()) {
    return
  }
  await runEsimCatalogueSync(container)
}

/** First run one interval after start-up (12 h by default); "Sync now" in the admin runs it at once. */
export const config = {
  name: "esimfly-sync-catalogue",
  schedule: { interval: catalogueSyncIntervalMs(process.env.ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS) },
}
