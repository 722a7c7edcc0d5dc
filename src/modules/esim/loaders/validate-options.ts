import { asValue } from "@medusajs/framework/awilix"
import { LoaderOptions } from "@medusajs/framework/types"
import { parseEsimModuleOptions } from "../options"

/** Validates the plugin options once, at start-up; a bad option stops the app and is named. */
export default async function validateOptionsLoader({
  container,
  options,
}: LoaderOptions): Promise<void> {
  container.register("esimModuleOptions", asValue(parseEsimModuleOptions(options)))
}
