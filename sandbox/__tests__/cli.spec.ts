import { spawn, spawnSync } from "node:child_process"
import { join } from "node:path"
import { CliUsageError, parseCliArgs } from "../cli-args"

const ROOT = join(__dirname, "..", "..")
const CLI = ["-r", "ts-node/register/transpile-only", "sandbox/cli.ts"]

jest.setTimeout(30_000)

describe("sandbox CLI", () => {
  it("prints the flags and exits 0 on --help", () => {
    const run = spawnSync(process.execPath, [...CLI, "--help"], { cwd: ROOT, encoding: "utf8" })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain("--fail-next <count>:<status>[:<code>]")
    expect(run.stdout).toContain("--rate-limit <limit>/<windowMs>")
  })

  it("exits 2 on an unknown flag", () => {
    const run = spawnSync(process.execPath, [...CLI, "--frobnicate"], { cwd: ROOT, encoding: "utf8" })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("unknown flag --frobnicate")
  })

  it("serves the API, prints the URL and credentials, and exits 0 on SIGTERM", async () => {
    const flags = ["--port", "0", "--currency", "IQD", "--fail-next", "1:503"]
    const child = spawn(process.execPath, [...CLI, ...flags], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    })
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    let output = ""
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes("Ctrl+C")) resolve()
      })
      child.on("exit", () => reject(new Error(`the CLI exited early:\n${output}`)))
    })
    const url = /ESIMFLY_BASE_URL=(\S+)/.exec(output)?.[1] ?? ""
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/business$/)
    expect(output).toContain("ESIMFLY_ACCESS_CODE=esf_sandbox_access")
    expect(output).toContain("ESIMFLY_SECRET_KEY=sk_sandbox_secret")
    expect(output).toContain("/__sandbox/ledger")
    const ledger = await fetch(url.replace("/api/v1/business", "/__sandbox/ledger"))
    expect(await ledger.json()).toMatchObject({ balance: 1_500_000, currency: "IQD" })
    const faults = await fetch(url.replace("/api/v1/business", "/__sandbox/faults"))
    expect(await faults.json()).toMatchObject({ failNext: [expect.objectContaining({ status: 503 })] })
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
  })
})

describe("parseCliArgs", () => {
  it("maps every flag onto options and faults", () => {
    const command = parseCliArgs(
      [
        "--port=4321",
        "--host",
        "0.0.0.0",
        "--access-code",
        "esf_demo",
        "--secret-key",
        "sk_demo",
        "--currency",
        "iqd",
        "--balance",
        "250000",
        "--latency",
        "25",
        "--fail-next",
        "2:503:SERVICE_UNAVAILABLE",
        "--drop-reply-next",
        "1",
        "--hang-next",
        "3",
        "--rate-limit",
        "100/60000",
        "--stay-pending",
        "TR-1GB-7D",
        "--pending-polls",
        "4",
        "--pending-shape",
        "empty",
        "--chaos",
        "0.2:42",
        "--allow-http-webhooks",
        "true",
        "--webhook-time-factor=0.01",
      ],
      {}
    )
    expect(command).toEqual({
      kind: "run",
      config: {
        port: 4321,
        host: "0.0.0.0",
        options: {
          accessCode: "esf_demo",
          secretKey: "sk_demo",
          currency: "IQD",
          balance: 250000,
          latencyMs: 25,
          rateLimit: { limit: 100, windowMs: 60000 },
          pendingPolls: 4,
          pendingShape: "empty",
          chaos: { rate: 0.2, seed: 42 },
          allowHttpWebhooks: true,
          webhookTimeFactor: 0.01,
        },
        failNext: [{ count: 2, status: 503, code: "SERVICE_UNAVAILABLE" }],
        dropReplyNext: [1],
        hangNext: [3],
        stayPending: ["TR-1GB-7D"],
      },
    })
  })

  it("defaults the port to SANDBOX_PORT, then 4010", () => {
    expect(parseCliArgs([], { SANDBOX_PORT: "5055" })).toMatchObject({ config: { port: 5055 } })
    expect(parseCliArgs([], {})).toMatchObject({ config: { port: 4010, host: "127.0.0.1" } })
  })

  it.each([
    ["--port", "http"],
    ["--fail-next", "2"],
    ["--rate-limit", "100"],
    ["--currency", "EUR"],
    ["--latency"],
    ["--chaos", "1.5"],
    ["--chaos", "0.2:x"],
  ])("rejects %s %s", (...args) => {
    expect(() => parseCliArgs(args, {})).toThrow(CliUsageError)
  })
})
