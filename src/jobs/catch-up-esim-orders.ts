import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../modules/esim"
import { catchUpEsimOrdersWorkflow } from "../workflows/catch-up-esim-orders"

/** Finds placed orders whose eSIMs were never bought (a lost order.placed) and buys them once. */
export default async function catchUpEsimOrdersJob(container: MedusaContainer): Promise<void> {
  if (!container.hasRegistration(ESIM_MODULE)) {
    return
  }
  await catchUpEsimOrdersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "esimfly-catch-up-orders",
  schedule: { interval: Number(process.env.ESIMFLY_CATCH_UP_INTERVAL_MS) || 5 * 60 * 1000 },
}
