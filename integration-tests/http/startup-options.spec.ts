import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { spawnSync } from "node:child_process"
import path from "node:path"

jest.setTimeout(180 * 1000)

const root = path.resolve(__dirname, "../..")
const validOptions = {
  ESIMFLY_ACCESS_CODE: "esf_test_access",
  ESIMFLY_SECRET_KEY: "sk_startup_canary_secret",
  ESIMFLY_BASE_URL: "http://localhost:9/api/v1/business",
}

/** Boots the test host with `medusa exec` (every module and loader) against a migrated DB. */
function bootWith(databaseUrl: string, env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [require.resolve("@medusajs/cli/cli.js"), "exec", "./integration-tests/fixtures/noop-script.ts"],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 120 * 1000,
      env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, ...env },
    }
  )
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

// The test host's medusa-config reads these when the runner boots it.
Object.assign(process.env, validOptions)

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ dbConfig }) => {
    const databaseUrl = () => dbConfig.clientUrl

    it("starts with valid options", () => {
      const { status, output } = bootWith(databaseUrl(), validOptions)
      expect(output).toContain("Finished executing script")
      expect(status).toBe(0)
    })

    it("refuses to start without secretKey and names the option", () => {
      const { status, output } = bootWith(databaseUrl(), { ...validOptions, ESIMFLY_SECRET_KEY: "" })
      expect(status).not.toBe(0)
      expect(output).toContain('esimfly: option "secretKey"')
      expect(output).not.toContain("Finished executing script")
    })

    it("refuses a malformed baseUrl, names it and never prints the secret", () => {
      const { status, output } = bootWith(databaseUrl(), { ...validOptions, ESIMFLY_BASE_URL: "not a url" })
      expect(status).not.toBe(0)
      expect(output).toContain('esimfly: option "baseUrl"')
      expect(output).not.toContain(validOptions.ESIMFLY_SECRET_KEY)
    })

    it("refuses malformed pricing rules and names the option", () => {
      const { status, output } = bootWith(databaseUrl(), {
        ...validOptions,
        ESIMFLY_PRICING: JSON.stringify({ rounding: "0.95" }),
      })
      expect(status).not.toBe(0)
      expect(output).toContain(
        'esimfly: option "pricing.rounding" must be "none", "whole", "0.99" or { "step": <amount> }'
      )
    })

    it.each([
      "ESIMFLY_PENDING_JOB_INTERVAL_MS",
      "ESIMFLY_CATCH_UP_INTERVAL_MS",
      "ESIMFLY_RECONCILE_INTERVAL_MS",
      "ESIMFLY_RECONCILE_GRACE_MS",
      "ESIMFLY_BALANCE_JOB_TICK_MS",
      "ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS",
      "ESIMFLY_COST_LOOKUP_INTERVAL_MS",
    ])("refuses to start when the job variable %s is not a number and names it", (name) => {
      const { status, output } = bootWith(databaseUrl(), { ...validOptions, [name]: "5m" })
      expect(status).not.toBe(0)
      expect(output).toContain(`esimfly: ${name} must be an integer between`)
      expect(output).not.toContain("Finished executing script")
    })

    it("refuses an unknown buyWhen and names the option", () => {
      const { status, output } = bootWith(databaseUrl(), { ...validOptions, ESIMFLY_BUY_WHEN: "paid" })
      expect(status).not.toBe(0)
      expect(output).toContain('esimfly: option "buyWhen" must be "placed" or "captured"')
    })
  },
})
