import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../modules/esim"

/** A scheduled job's handler that runs only when the esim module is registered (a host may load the plugin without it). */
export function esimJob(
  run: (container: MedusaContainer) => Promise<unknown>
): (container: MedusaContainer) => Promise<void> {
  return async (container) => {
    if (container.hasRegistration(ESIM_MODULE)) {
      await run(container)
    }
  }
}
