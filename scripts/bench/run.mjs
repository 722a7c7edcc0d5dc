// npm run bench: starts PostgreSQL, the esimfly sandbox and the demo app with and without the
// plugin, runs each measurement and prints one markdown table. Everything it starts is
// stopped at the end, on failure and on Ctrl-C. Sizes: scripts/bench/config.mjs.
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { loadavg } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { measureBacklog } from "./backlog.mjs"
import { callsPerDeliveredEsim, ledgerMark } from "./calls.mjs"
import { ConfigError, readConfig } from "./config.mjs"
import { withClient } from "./db.mjs"
import { waitForDeliveries } from "./deliveries.mjs"
import { measureDeliveryLatency } from "./latency.mjs"
import { measureMemory } from "./memory.mjs"
import { BenchError, cleanUp, cleanUpOnSignals, runProcess, wasInterrupted } from "./processes.mjs"
import { sandboxControl } from "./sandbox.mjs"
import { makeWorkDir, pointDemoAtThisCheckout, prepareDatabases, startApp, startPostgres, startSandbox } from "./stack.mjs"
import { describeMachine, renderTable } from "./table.mjs"
import { measureCheckoutThroughput } from "./throughput.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")
const LOGS = join(ROOT, ".bench", "logs")
const started = Date.now()
// Enough balance for every eSIM the run buys, and a limit that only binds where the backlog sets one.
const SANDBOX_BALANCE = 100_000_000
const SANDBOX_RATE_LIMIT = "100000000/3600000"

const log = (message) => console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${message}`)

async function setUp() {
  rmSync(LOGS, { recursive: true, force: true })
  mkdirSync(LOGS, { recursive: true })
  const work = makeWorkDir()
  const outbox = join(work, "outbox")
  if (pointDemoAtThisCheckout(ROOT)) {
    log("the shared node_modules links the plugin elsewhere: demo/node_modules links this checkout for the run")
  }
  log("PostgreSQL")
  const pg = await startPostgres(ROOT, work, LOGS)
  log("esimfly sandbox")
  const sandbox = await startSandbox(ROOT, LOGS, { balance: SANDBOX_BALANCE, rateLimit: SANDBOX_RATE_LIMIT })
  log("plugin build (medusa plugin:build)")
  await runProcess("plugin build", join(ROOT, "node_modules/.bin/medusa"), ["plugin:build"], { cwd: ROOT, env: process.env, log: join(LOGS, "plugin-build.log") })
  log("databases (medusa db:migrate, then the bench seed in each)")
  const apps = await prepareDatabases(ROOT, { pgPort: pg.port, sandbox, outbox, work, logs: LOGS })
  return { work, sandbox, control: sandboxControl(sandbox.url), apps }
}

async function throughputOf(name, app, config) {
  log(`${name}: medusa start`)
  const { url, handle } = await startApp(ROOT, name, app.env, LOGS)
  log(`${name}: ${config.throughput.shoppers} shoppers for ${config.throughput.warmupSeconds + config.throughput.seconds} s`)
  return { url, handle, result: await measureCheckoutThroughput(url, app.store, config.throughput) }
}

/** The two apps' checkout throughput, then the delivery latency on the app with the plugin. */
async function liveApps(ctx, config, results) {
  const measureThroughput = config.phases.has("throughput")
  if (measureThroughput) {
    const baseline = await throughputOf("app-without-plugin", ctx.apps.baseline, config)
    await baseline.handle.stop()
    results.throughput = { baseline: baseline.result }
  }
  const mark = ledgerMark(await ctx.control.ledger())
  const app = ctx.apps.plugin
  let running
  if (measureThroughput) {
    running = await throughputOf("app-with-plugin", app, config)
    results.throughput.plugin = running.result
    log("app-with-plugin: waiting for every eSIM to be delivered")
    const { stuck } = await withClient(app.dbUrl, (client) => waitForDeliveries(client, running.result.allOrders, { timeoutMs: 600000, pollMs: 500 }))
    running.result.undelivered = stuck.length
  } else {
    log("app-with-plugin: medusa start")
    running = await startApp(ROOT, "app-with-plugin", app.env, LOGS)
  }
  if (config.phases.has("latency")) {
    log(`delivery latency: ${config.latency.orders} orders one at a time, sandbox latency ${config.latency.sandboxLatencyMs} ms`)
    results.latency = await measureDeliveryLatency({ appUrl: running.url, store: app.store, dbUrl: app.dbUrl, sandbox: ctx.control }, config.latency)
  }
  results.calls = callsPerDeliveredEsim(await ctx.control.ledger(), mark)
  await running.handle.stop()
}

async function main() {
  const config = readConfig()
  const machine = describeMachine()
  cleanUpOnSignals()
  const results = {}
  const ctx = await setUp()
  if (config.phases.has("throughput") || config.phases.has("latency")) {
    await liveApps(ctx, config, results)
  }
  const inApp = { root: ROOT, app: ctx.apps.plugin, sandbox: ctx.control, work: ctx.work, logs: LOGS }
  if (config.phases.has("backlog")) {
    const { orders, rateLimit } = config.backlog
    log(`backlog: ${orders} orders, sandbox limit ${rateLimit.limit} per ${rateLimit.windowMs} ms (medusa exec)`)
    results.backlog = await measureBacklog(inApp, config.backlog)
  }
  if (config.phases.has("memory")) {
    const { orders, lines } = config.memory
    log(`memory: ${orders * lines} purchases, ${orders} orders × ${lines} lines (medusa exec --expose-gc)`)
    results.memory = await measureMemory(inApp, config.memory)
  }
  await cleanUp()
  const table = renderTable(results, config, { machine, totalMs: Date.now() - started, loadAtEnd: loadavg()[0] })
  console.log(`\n${table}\n`)
  writeFileSync(join(LOGS, "..", "table.md"), `${table}\n`)
  writeFileSync(join(LOGS, "..", "results.json"), `${JSON.stringify({ config: { ...config, phases: [...config.phases] }, results }, null, 2)}\n`)
  log(`done; the table and the raw results are in .bench/, the logs in .bench/logs/`)
}

main().catch(async (error) => {
  if (wasInterrupted()) {
    return // the signal handler cleans up and exits
  }
  const known = error instanceof BenchError || error instanceof ConfigError
  console.error(`\nbench: ${known ? error.message : error.stack}`)
  await cleanUp()
  process.exit(1)
})
