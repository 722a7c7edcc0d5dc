import { hostname } from "node:os"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EsimOrderRunner } from "../../modules/esim/purchase"

/** This process as an eSIM order's history names it: worker mode (shared, server or worker), pid and host. */
export function currentRunner(container: MedusaContainer): EsimOrderRunner {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return { worker_mode: config.projectConfig.workerMode ?? "shared", pid: process.pid, host: hostname() }
}
