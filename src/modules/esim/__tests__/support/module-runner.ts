import { moduleIntegrationTestRunner, SuiteOptions } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../.."
import type EsimModuleService from "../../service"

/** The esimfly base URL the module tests configure; nothing listens there, no test calls out. */
export const MODULE_TEST_BASE_URL = "http://localhost:4010/api/v1/business"

/**
 * Runs `testSuite` against the eSIM module alone, on a database migrated with the module's own
 * migrations, with test credentials; `baseUrl` may be overridden to test its normalisation.
 */
export function runEsimModuleTests(
  testSuite: (options: SuiteOptions<EsimModuleService>) => void,
  { baseUrl = MODULE_TEST_BASE_URL }: { baseUrl?: string } = {}
): void {
  moduleIntegrationTestRunner<EsimModuleService>({
    moduleName: ESIM_MODULE,
    resolve: "./src/modules/esim",
    pathToMigrations: "./src/modules/esim/migrations",
    moduleOptions: { accessCode: "esf_module_test", secretKey: "sk_module_test", baseUrl },
    testSuite,
  })
}
