import { hostname } from "node:os"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IntentRunner } from "../../modules/esim/purchase"

/** This process as an intent's history names it: worker mode (shared, server or worker), pid and host. */
export function currentRunner(container: MedusaContainer): IntentRunner {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return { worker_mode: config.projectConfig.workerMode ?? "shared", pid: process.pid, host: hostname() }
}
