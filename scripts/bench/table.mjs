// The benchmark's one table (markdown), the machine it ran on and the details behind each row.
import { cpus, loadavg, totalmem } from "node:os"

const int = (n) => Math.round(n).toLocaleString("en-US")
const fixed = (n, digits) => (n === null || n === undefined || Number.isNaN(n) ? "—" : n.toFixed(digits))
const seconds = (ms) => fixed(ms / 1000, ms < 10000 ? 1 : 0)

export function describeMachine() {
  const cores = cpus()
  return {
    cores: cores.length,
    model: cores[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg()[0],
  }
}

function throughputRows({ baseline, plugin }, config) {
  const rows = []
  const how = `${config.shoppers} shoppers, ${config.seconds} s after ${config.warmupSeconds} s warm-up`
  const errors = (result) =>
    [result.errors && `; ${result.errors} failed checkouts (${result.firstError})`, result.undelivered && `; ${result.undelivered} orders got no eSIM`].filter(Boolean).join("")
  if (baseline) {
    rows.push(["Checkout throughput, demo app without the plugin", fixed(baseline.ordersPerSecond, 2), "orders/s", `${how}: ${baseline.orders} orders${errors(baseline)}`])
  }
  if (plugin) {
    const ratio = baseline ? `**${fixed(plugin.ordersPerSecond / baseline.ordersPerSecond, 2)}×** the app without it; ` : ""
    rows.push(["Checkout throughput, demo app with the plugin", fixed(plugin.ordersPerSecond, 2), "orders/s", `${ratio}each order's eSIM also bought, stored and emailed in the same process (${plugin.orders} orders${errors(plugin)})`])
  }
  return rows
}

function latencyRows(latency) {
  const what = `\`order.placed\` → eSIM stored and emailed, minus the sandbox's ${latency.sandboxLatencyMs} ms × ${fixed(latency.callsPerOrder, 1)} esimfly call per order; ${latency.orders} orders one at a time`
  return [
    ["Delivery latency p50", int(latency.p50), "ms", what],
    ["Delivery latency p95", int(latency.p95), "ms", `eSIM stored: p50 ${int(latency.storedP50)} ms, p95 ${int(latency.storedP95)} ms`],
  ]
}

function callsRow(calls) {
  return ["esimfly calls per delivered eSIM", fixed(calls.perEsim, 2), "calls/eSIM", `${calls.calls} API requests for ${calls.esims} eSIMs in the checkout phases: ${calls.breakdown}`]
}

function backlogRows(backlog) {
  const limit = `${backlog.rateLimit.limit} per ${seconds(backlog.rateLimit.windowMs)} s`
  const ratio = backlog.minimumMs
    ? `**${fixed(backlog.drainMs / backlog.minimumMs, 2)}×** the ${seconds(backlog.minimumMs)} s the limit allows (${backlog.windows} windows, the last opens ${seconds(backlog.minimumMs)} s after the first)`
    : "the limit allows it in one window"
  const delivered = `${int(backlog.completed)} of ${int(backlog.orders)} orders bought (${backlog.outcomes})`
  const pace = backlog.orders / (backlog.drainMs / 1000)
  const allowed = backlog.rateLimit.limit / (backlog.rateLimit.windowMs / 1000)
  const reached = backlog.tooMany
    ? "the plugin ran into the limit"
    : pace < allowed * 0.9
      ? `the plugin never reached the limit: it drained ${fixed(pace, 1)} orders/s, the limit allows ${fixed(allowed, 1)}`
      : "the plugin kept to the limit"
  return [
    [`Backlog drain, ${int(backlog.orders)} orders at ${limit}`, seconds(backlog.drainMs), "s", `${ratio}; ${delivered}; ${backlog.concurrency} purchase workflows at a time`],
    ["429 answers while draining", int(backlog.tooMany), "answers", `of ${int(backlog.calls)} esimfly requests; ${reached}`],
  ]
}

function memoryRows(memory) {
  const what = `${int(memory.purchases)} purchases (${int(memory.orders)} orders × ${memory.lines} eSIM lines) in ${fixed(memory.purchaseMs / 60000, 1)} min; ${int(memory.completed)} bought`
  const trend = (key) => memory.readings.map((reading) => fixed(reading[key], 0)).join(" → ")
  const when = `start, after the ${int(memory.warm.orders)}-order warm-up, every ${int(memory.readings[2]?.orders - memory.warm.orders)} orders`
  return [
    ["Heap growth", fixed(memory.heapPer1000, 2), "MB per 1,000 orders", `from the warm-up to the end; ${what}; heap after GC (MB) at the ${when}: ${trend("heapMb")}`],
    ["RSS growth", fixed(memory.rssPer1000, 2), "MB per 1,000 orders", `RSS (MB) at the same points: ${trend("rssMb")}`],
  ]
}

/** The backlog's pace per one-line order when it measured the plugin's work, not 429s. */
function oneLineOrderMs(backlog) {
  return backlog && !backlog.tooMany ? backlog.drainMs / backlog.orders : null
}

/** Why the memory row is not literally 10,000 one-line orders, and how long those would take. */
function memoryNote({ memory, backlog }) {
  if (!memory || (memory.orders >= 10000 && memory.lines === 1)) {
    return []
  }
  const perOrder = oneLineOrderMs(backlog)
  const pace = perOrder
    ? `: at the backlog drain's pace (${int(perOrder)} ms per one-line order${backlog.drainMs <= backlog.minimumMs * 1.1 ? ", held back by the limit" : ""}) they take about ${int((perOrder * 10000) / 60000)} min here`
    : ""
  return ["", `Memory: the issue's 10,000 one-line orders do not fit the run's budget${pace}; run them with \`BENCH_MEMORY_ORDERS=10000 BENCH_MEMORY_LINES=1\`.`]
}

/** The markdown the benchmark prints (and docs/benchmark.md quotes). */
export function renderTable(results, config, { machine, totalMs, loadAtEnd }) {
  const rows = [
    ...(results.throughput ? throughputRows(results.throughput, config.throughput) : []),
    ...(results.latency ? latencyRows(results.latency) : []),
    ...(results.calls ? [callsRow(results.calls)] : []),
    ...(results.backlog ? backlogRows(results.backlog) : []),
    ...(results.memory ? memoryRows(results.memory) : []),
  ]
  const header = ["| measurement | value | unit | ratio / meaning |", "|---|--:|---|---|"]
  const body = rows.map((cells) => `| ${cells.join(" | ")} |`)
  const where = `${machine.date}, ${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}; load average ${fixed(machine.load, 2)} at the start, ${fixed(loadAtEnd, 2)} at the end; whole run ${fixed(totalMs / 60000, 1)} min`
  return [...header, ...body, ...memoryNote(results), "", where].join("\n")
}
