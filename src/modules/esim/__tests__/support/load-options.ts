import { LoaderOptions } from "@medusajs/framework/types"
import validateOptionsLoader from "../../loaders/validate-options"

/** The least a merchant must configure. */
export const validOptions = { accessCode: "esf_access", secretKey: "sk_module_test" }

/** Runs the module's start-up option check as Medusa does. */
export function loadOptions(options: Record<string, unknown>) {
  const container = { register: jest.fn() }
  return validateOptionsLoader({ container, options } as unknown as LoaderOptions)
}
