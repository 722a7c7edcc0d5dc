// npm run bench: starts PostgreSQL, the esimfly sandbox and the demo app with and without the
// plugin, runs each measurement and prints one markdown table. Everything it starts is
// stopped at the end, on failure and on Ctrl-C. Sizes: scripts/bench/config.mjs.
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { loadavg } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { measureBacklog } from "./backlog.mjs"
import { callsPerDeliveredEsim, ledgerMark } from "./calls.mjs"
import { callsDuringCheckouts } from "./checkout-calls.mjs"
import { ConfigError, readConfig } from "./config.mjs"
import { withClient } from "./db.mjs"
import { waitForDeliveries } from "./deliveries.mjs"
import { measureDeliveryLatency } from "./latency.mjs"
import { measureMemory } from "./memory.mjs"
import { BenchError, cleanUp, cleanUpOnSignals, runProcess, wasInterrupted } from "./processes.mjs"
import { sandboxControl } from "./sandbox.mjs"
import {
  makeWorkDir,
  pointDemoAtThisCheckout,
  prepareDatabases,
  startApp,
  startPostgres,
  startSandbox,
} from "./stack.mjs"
import { describeMachine, renderTable } from "./table.mjs"
import { shopperFor } from "./shopper.mjs"
import { measureCheckoutThroughput } from "./throughput.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..")
const LOGS = join(ROOT, ".bench", "logs")
const started = Date.now()
// Enough balance for every eSIM the run buys, and a limit that only binds where the backlog sets one.
const SANDBOX_BALANCE = 100_000_000
const SANDBOX_RATE_LIMIT = "100000000/3600000"

const log = (message) =>
  console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${message}`)

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
  await runProcess("plugin build", join(ROOT, "node_modules/.bin/medusa"), ["plugin:build"], {
    cwd: ROOT,
    env: process.env,
    log: join(LOGS, "plugin-build.log"),
  })
  log("databases (medusa db:migrate, then the bench seed in each)")
  const apps = await prepareDatabases(ROOT, { pgPort: pg.port, sandbox, outbox, work, logs: LOGS })
  return { work, sandbox, control: sandboxControl(sandbox.url), apps }
}

/** The same warm-up for both apps: orders one at a time, each settled before the next. */
async function warmUp(name, url, app, config, withPlugin) {
  if (!config.warmupOrders) {
    return
  }
  log(`${name}: warm-up, ${config.warmupOrders} orders one at a time`)
  const checkout = await shopperFor(url, app.store)
  await withClient(app.dbUrl, async (client) => {
    for (let i = 0; i < config.warmupOrders; i += 1) {
      const order = await checkout()
      if (withPlugin) {
        await waitForDeliveries(client, [order.id], { timeoutMs: 60000 })
      }
    }
  })
}

async function startWarmApp(name, app, config, withPlugin) {
  log(`${name}: medusa start`)
  // With the plugin, one log line per purchase run with the milliseconds of each phase (profile.mjs reads them).
  const env = withPlugin ? { ...app.env, ESIMFLY_DELIVERY_PROFILE: "true" } : app.env
  const started = await startApp(ROOT, name, env, LOGS)
  await warmUp(name, started.url, app, config, withPlugin)
  return started
}

async function baselineRound(ctx, config, round) {
  const name = `app-without-plugin-${round}`
  const { url, handle } = await startWarmApp(name, ctx.apps.baseline, config, false)
  log(
    `${name}: ${config.throughput.shoppers} shoppers for ${config.throughput.warmupSeconds + config.throughput.seconds} s`
  )
  const result = await measureCheckoutThroughput(url, ctx.apps.baseline.store, config.throughput)
  await handle.stop()
  return result
}

/** One round of the app with the plugin: throughput (then every delivery), latency, and the calls it made. */
async function pluginRound(ctx, config, round) {
  const name = `app-with-plugin-${round}`
  const app = ctx.apps.plugin
  const { url, handle } = await startWarmApp(name, app, config, true)
  const mark = ledgerMark(await ctx.control.ledger())
  const result = { checkouts: [] }
  if (config.phases.has("throughput")) {
    log(
      `${name}: ${config.throughput.shoppers} shoppers for ${config.throughput.warmupSeconds + config.throughput.seconds} s`
    )
    result.throughput = await measureCheckoutThroughput(url, app.store, config.throughput)
    log(`${name}: waiting for every eSIM to be delivered`)
    const { stuck } = await withClient(app.dbUrl, (client) =>
      waitForDeliveries(client, result.throughput.allOrders, { timeoutMs: 600000, pollMs: 500 })
    )
    result.throughput.undelivered = stuck.length
    result.checkouts.push(...result.throughput.checkouts)
  }
  if (config.phases.has("latency")) {
    log(
      `${name}: delivery latency, ${config.latency.orders} orders one at a time, sandbox latency ${config.latency.sandboxLatencyMs} ms`
    )
    const logFile = join(LOGS, `${name}.log`)
    result.latency = await measureDeliveryLatency(
      { appUrl: url, store: app.store, dbUrl: app.dbUrl, sandbox: ctx.control, logFile },
      config.latency
    )
    result.checkouts.push(...result.latency.checkouts)
  }
  const ledger = await ctx.control.ledger()
  result.calls = callsPerDeliveredEsim(ledger, mark)
  result.checkoutCalls = callsDuringCheckouts(ledger, result.checkouts)
  await handle.stop()
  return result
}

/**
 * BENCH_ROUNDS rounds, each the app without the plugin then the app with it (so both see the
 * machine's load alike); every app is started fresh and warmed up the same way.
 */
async function liveApps(ctx, config, results) {
  results.rounds = []
  for (let round = 1; round <= config.rounds; round += 1) {
    log(`round ${round} of ${config.rounds}`)
    const baseline = config.phases.has("throughput") ? await baselineRound(ctx, config, round) : null
    results.rounds.push({ baseline, plugin: await pluginRound(ctx, config, round) })
  }
}

async function backlogRun(inApp, key, settings) {
  const { orders, rateLimit } = settings
  log(`${key}: ${orders} orders, sandbox limit ${rateLimit.limit} per ${rateLimit.windowMs} ms (medusa exec)`)
  return measureBacklog(inApp, { ...settings, name: key })
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
    results.backlog = await backlogRun(inApp, "backlog", config.backlog)
  }
  if (config.phases.has("backlog-minute")) {
    results.backlogMinute = await backlogRun(inApp, "backlog-minute", config.backlogMinute)
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
  writeFileSync(
    join(LOGS, "..", "results.json"),
    `${JSON.stringify({ config: { ...config, phases: [...config.phases] }, results }, null, 2)}\n`
  )
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
