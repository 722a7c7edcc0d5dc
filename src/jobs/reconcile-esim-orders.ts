import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { reconcileEsimOrdersWorkflow } from "../workflows/reconcile-esim-orders"

/** Settles purchases whose answer was lost (timeouts, dropped replies, crashes mid-call). */
export default async function reconcileEsimOrdersJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await reconcileEsimOrdersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "esimfly-reconcile-orders",
  schedule: { interval: Number(process.env.ESIMFLY_RECONCILE_INTERVAL_MS) || 5 * 60 * 1000 },
}
