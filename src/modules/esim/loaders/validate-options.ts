import { asValue } from "@medusajs/framework/awilix"
import { LoaderOptions } from "@medusajs/framework/types"
import { readJobConfig } from "../../../lib/job-config"
import { parseEsimModuleOptions } from "../options"

/** Validates the plugin options and the jobs' environment variables once, at start-up; a bad one stops the app and is named. */
export default async function validateOptionsLoader({ container, options }: LoaderOptions): Promise<void> {
  container.register("esimModuleOptions", asValue(parseEsimModuleOptions(options)))
  readJobConfig()
}
