import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { pendingJobIntervalMs } from "../modules/esim/purchase"
import { resolvePendingEsimsWorkflow } from "../workflows/resolve-pending-esims"

/** Resolves eSIMs esimfly was still provisioning; a no-op when the esim module is not registered. */
export default async function resolvePendingEsimsJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await resolvePendingEsimsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "esimfly-resolve-pending",
  schedule: { interval: pendingJobIntervalMs(process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS) },
}
