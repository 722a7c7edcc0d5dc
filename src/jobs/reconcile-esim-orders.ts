import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { reconcileEsimOrdersWorkflow } from "../workflows/reconcile-esim-orders"

/** ESIMFLY_RECONCILE_GRACE_MS: how long past an attempt (and the create-order timeout) to wait; default 2 min. */
function graceMs(): number | undefined {
  const raw = process.env.ESIMFLY_RECONCILE_GRACE_MS
  return raw && Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : undefined
}

/** Settles purchases whose answer was lost (timeouts, dropped replies, crashes mid-call). */
export default async function reconcileEsimOrdersJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await reconcileEsimOrdersWorkflow(container).run({ input: { grace_ms: graceMs() } })
}

export const config = {
  name: "esimfly-reconcile-orders",
  schedule: { interval: Number(process.env.ESIMFLY_RECONCILE_INTERVAL_MS) || 5 * 60 * 1000 },
}
