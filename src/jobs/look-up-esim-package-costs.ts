import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { costLookupIntervalMs } from "../modules/esim/money"
import { lookUpEsimPackageCostsWorkflow } from "../workflows/look-up-esim-package-costs"

/** Mirrors the cost of hand-mapped package codes the mirror lacks or holds too long, a few per run. */
export default async function lookUpEsimPackageCostsJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await lookUpEsimPackageCostsWorkflow(container).run({ input: {} })
}

/** Every 10 min by default (ESIMFLY_COST_LOOKUP_INTERVAL_MS); each run searches at most option `costLookupBatch` codes. */
export const config = {
  name: "esimfly-look-up-package-costs",
  schedule: { interval: costLookupIntervalMs(process.env.ESIMFLY_COST_LOOKUP_INTERVAL_MS) },
}
