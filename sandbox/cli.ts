import { CliConfig, CliUsageError, parseCliArgs, USAGE } from "./cli-args"
import { createSandbox, Sandbox, SandboxAddress } from "./index"

function main(argv: string[]): void {
  let command
  try {
    command = parseCliArgs(argv, process.env)
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error
    process.stderr.write(`esimfly sandbox: ${error.message}\nRun with --help for the flags.\n`)
    process.exit(2)
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE)
    return
  }
  start(command.config).catch((error: unknown) => {
    process.stderr.write(`esimfly sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}

async function start(config: CliConfig): Promise<void> {
  const sandbox = createSandbox(config.options)
  config.failNext.forEach((fault) => sandbox.faults.failNext(fault))
  config.dropReplyNext.forEach((count) => sandbox.faults.dropReplyNext({ count }))
  config.hangNext.forEach((count) => sandbox.faults.hangNext({ count }))
  config.stayPending.forEach((code) => sandbox.faults.stayPending(code))
  // Handlers go in before the banner: whoever reads it may signal straight away.
  stopOnSignals(sandbox)
  const address = await sandbox.listen(config.port, config.host)
  process.stdout.write(banner(sandbox, address))
}

function stopOnSignals(sandbox: Sandbox): void {
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

function banner(sandbox: Sandbox, address: SandboxAddress): string {
  const { latencyMs, failNext, hangNext, dropReplyNext, rateLimit, stayPending, chaos } = sandbox.faults.snapshot()
  const control = address.controlUrl
  return [
    "esimfly sandbox is listening",
    "",
    `  ESIMFLY_BASE_URL=${address.url}`,
    `  ESIMFLY_ACCESS_CODE=${sandbox.accessCode}`,
    `  ESIMFLY_SECRET_KEY=${sandbox.secretKey}`,
    `  personal (non-business) access code: ${sandbox.personalAccessCode}`,
    `  account: ${sandbox.ledger().balance} ${sandbox.currency}`,
    "",
    "  control endpoints (no auth):",
    `    GET  ${control}/ledger`,
    `    GET  ${control}/faults`,
    `    POST ${control}/faults        {latencyMs, failNext, hangNext, dropReplyNext, rateLimit, stayPending, chaos, webhookNext}`,
    `    POST ${control}/balance       {"amount"}`,
    `    POST ${control}/order-status  {"orderReference","status"}`,
    `    POST ${control}/esim-state    {"iccid","state"}  (installed | used | new)`,
    `    POST ${control}/device/install {"iccid"}   /device/use {"iccid","mb"}   /device/deplete, /device/expire {"iccid"}`,
    `    POST ${control}/reset`,
    "",
    `  faults: latency ${latencyMs} ms, rate limit ${rateLimit.limit}/${rateLimit.windowMs} ms, ` +
      `failNext ${failNext.length}, hangNext ${hangNext.length}, dropReplyNext ${dropReplyNext.length}, ` +
      `stayPending [${stayPending.join(", ")}], ` +
      (chaos ? `chaos ${chaos.rate} (seed ${chaos.seed}, ${chaos.kinds.join(" ")})` : "chaos off"),
    "",
    "Press Ctrl+C to stop.",
    "",
  ].join("\n")
}

main(process.argv.slice(2))
