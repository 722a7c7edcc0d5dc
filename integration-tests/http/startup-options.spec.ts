import { spawnSync } from "node:child_process"
import path from "node:path"

jest.setTimeout(120 * 1000)

const root = path.resolve(__dirname, "../..")

function bootWith(env: Record<string, string | undefined>) {
  const databaseUrl = `postgres://${process.env.DB_USERNAME}@localhost:${process.env.DB_PORT}/postgres`
  const result = spawnSync(
    process.execPath,
    [require.resolve("@medusajs/cli/cli.js"), "exec", "./integration-tests/fixtures/noop-script.ts"],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 100 * 1000,
      env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, ...env },
    }
  )
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

describe("start-up option validation", () => {
  it("refuses to start without secretKey and names the option", () => {
    const { status, output } = bootWith({
      ESIMFLY_ACCESS_CODE: "esf_test_access",
      ESIMFLY_SECRET_KEY: "",
      ESIMFLY_BASE_URL: "http://localhost:9/api/v1/business",
    })
    expect(status).not.toBe(0)
    expect(output).toContain('option "secretKey"')
  })

  it("refuses a malformed baseUrl and names it", () => {
    const { status, output } = bootWith({
      ESIMFLY_ACCESS_CODE: "esf_test_access",
      ESIMFLY_SECRET_KEY: "sk_test_secret",
      ESIMFLY_BASE_URL: "not a url",
    })
    expect(status).not.toBe(0)
    expect(output).toContain('option "baseUrl"')
    expect(output).not.toContain("sk_test_secret")
  })
})
