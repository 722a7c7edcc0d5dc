import { createSandbox } from "../../sandbox"

type Sandbox = ReturnType<typeof createSandbox>
type SandboxOptions = Parameters<typeof createSandbox>[0]

/**
 * Starts the esimfly sandbox on a random port before the Medusa test app boots, and
 * points the test host's medusa-config at it through the ESIMFLY_* variables.
 * Call it at the top level of a spec, before medusaIntegrationTestRunner.
 */
export function useSandbox(options?: SandboxOptions): { current: () => Sandbox } {
  let sandbox: Sandbox | undefined

  beforeAll(async () => {
    sandbox = createSandbox(options)
    const { url } = await sandbox.listen(0)
    process.env.ESIMFLY_BASE_URL = url
    process.env.ESIMFLY_ACCESS_CODE = sandbox.accessCode
    process.env.ESIMFLY_SECRET_KEY = sandbox.secretKey
    // A hung create-order must give up quickly in tests (production default: 60 s).
    process.env.ESIMFLY_ORDER_TIMEOUT_MS = "3000"
    // Specs run the pending job's workflow themselves; the scheduler must not race them.
    process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS ??= String(60 * 60 * 1000)
    process.env.ESIMFLY_CATCH_UP_INTERVAL_MS ??= String(60 * 60 * 1000)
    process.env.ESIMFLY_RECONCILE_INTERVAL_MS ??= String(60 * 60 * 1000)
    process.env.ESIMFLY_TOP_UP_SETTLE_INTERVAL_MS ??= String(60 * 60 * 1000)
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  return {
    current: () => {
      if (!sandbox) {
        throw new Error("the sandbox is not running yet")
      }
      return sandbox
    },
  }
}
