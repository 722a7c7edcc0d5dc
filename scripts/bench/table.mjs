// The benchmark's one table (markdown), the machine it ran on and the details behind each row.
import { cpus, loadavg, totalmem } from "node:os"
import { phaseTable } from "./profile.mjs"
import { spread } from "./stats.mjs"

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

const GOALS = {
  throughput: "≥ 0.95× without",
  latency: "≤ 150 ms",
  callsPerEsim: "1.00",
  checkoutCalls: "0",
  backlog: "≥ 90 % of the allowed rate",
  tooMany: "0",
  memory: "flat (≤ 5 MB per 1,000 orders)",
}

/** The goal cell: the goal and whether this run met it. */
const goal = (name, met) => `${GOALS[name]}${met === null || met === undefined ? "" : met ? " (met)" : " (**missed**)"}`

/** "median (min–max, n rounds)" of one figure. */
function range(values, format) {
  const { median, min, max, n } = spread(values)
  return { median, text: n > 1 ? `min–max ${format(min)}–${format(max)} over ${n} rounds` : "1 round" }
}

function throughputRows(rounds, config) {
  const baselines = rounds.map((round) => round.baseline).filter(Boolean)
  const plugins = rounds.map((round) => round.plugin.throughput).filter(Boolean)
  if (!plugins.length) {
    return []
  }
  const how = `${config.shoppers} shoppers, ${config.seconds} s after ${config.warmupSeconds} s warm-up`
  const problems = (results) => {
    const errors = results.reduce((sum, result) => sum + (result.errors ?? 0), 0)
    const undelivered = results.reduce((sum, result) => sum + (result.undelivered ?? 0), 0)
    const first = results.find((result) => result.firstError)?.firstError
    return [errors && `; ${errors} failed checkouts (${first})`, undelivered && `; ${undelivered} orders got no eSIM`]
      .filter(Boolean)
      .join("")
  }
  const orders = (results) => results.map((result) => result.orders).join(", ")
  const base = range(
    baselines.map((result) => result.ordersPerSecond),
    (n) => fixed(n, 2)
  )
  const plugin = range(
    plugins.map((result) => result.ordersPerSecond),
    (n) => fixed(n, 2)
  )
  const ratios = range(
    rounds
      .filter((round) => round.baseline && round.plugin.throughput)
      .map((round) => round.plugin.throughput.ordersPerSecond / round.baseline.ordersPerSecond),
    (n) => fixed(n, 2)
  )
  const ratio = ratios.median
  return [
    [
      "Checkout throughput, demo app without the plugin",
      fixed(base.median, 2),
      "",
      "orders/s",
      `median (${base.text}); ${how}; orders per round: ${orders(baselines)}${problems(baselines)}`,
    ],
    [
      "Checkout throughput, demo app with the plugin",
      fixed(plugin.median, 2),
      goal("throughput", ratio === null ? null : ratio >= 0.95),
      "orders/s",
      `**${fixed(ratio, 2)}×** the app without it (median of the rounds' ratios, ${ratios.text}); orders/s ${plugin.text}; each order's eSIM also bought, stored and emailed in the same process; orders per round: ${orders(plugins)}${problems(plugins)}`,
    ],
  ]
}

function latencyRows(rounds) {
  const latencies = rounds.map((round) => round.plugin.latency).filter(Boolean)
  if (!latencies.length) {
    return []
  }
  const [first] = latencies
  const p50 = range(
    latencies.map((latency) => latency.p50),
    int
  )
  const p95 = range(
    latencies.map((latency) => latency.p95),
    int
  )
  const stored = range(
    latencies.map((latency) => latency.storedP50),
    int
  )
  const calls = latencies.reduce((sum, latency) => sum + latency.callsPerOrder, 0) / latencies.length
  const what = `median of the rounds' p50 (${p50.text}); \`order.placed\` → eSIM stored and emailed, minus the sandbox's ${first.sandboxLatencyMs} ms × ${fixed(calls, 1)} esimfly call per order; ${first.orders} orders one at a time per round; the profile per phase is below the table`
  return [
    ["Delivery latency p50", int(p50.median), goal("latency", p50.median <= 150), "ms", what],
    [
      "Delivery latency p95",
      int(p95.median),
      "",
      "ms",
      `median of the rounds' p95 (${p95.text}); eSIM stored: p50 ${int(stored.median)} ms (${stored.text})`,
    ],
  ]
}

function callsRows(rounds) {
  const all = rounds.map((round) => round.plugin.calls)
  const calls = all.reduce((sum, round) => sum + round.calls, 0)
  const esims = all.reduce((sum, round) => sum + round.esims, 0)
  const perEsim = esims ? calls / esims : null
  const perRound = range(
    all.map((round) => round.perEsim),
    (n) => fixed(n, 2)
  )
  const inCheckout = rounds.map((round) => round.plugin.checkoutCalls)
  const counted = inCheckout.reduce((sum, round) => sum + round.calls, 0)
  const checkouts = inCheckout.reduce((sum, round) => sum + round.checkouts, 0)
  const excluded = inCheckout.reduce((sum, round) => sum + round.excluded, 0)
  const perCheckoutRound = range(
    inCheckout.map((round) => round.calls),
    int
  )
  return [
    [
      "esimfly calls per delivered eSIM",
      fixed(perEsim, 2),
      goal("callsPerEsim", perEsim === null ? null : Math.abs(perEsim - 1) < 0.005),
      "calls/eSIM",
      `${calls} API requests for ${esims} eSIMs while the app with the plugin ran (warm-up excluded), all rounds (per round: ${perRound.text}): ${all.map((round) => round.breakdown).join(" / ")}`,
    ],
    [
      "esimfly calls during checkout",
      int(counted),
      goal("checkoutCalls", counted === 0),
      "requests",
      `requests that ended inside ${int(checkouts)} checkouts (first store API call → the completion's answer, i.e. order.placed), all rounds (per round: ${perCheckoutRound.text}); ${int(excluded)} create-order and order-lookup calls of purchases running meanwhile left out; ${inCheckout.map((round) => round.breakdown).join(" / ")}`,
    ],
  ]
}

function backlogRows(backlog, title, note = "") {
  const limit = `${backlog.rateLimit.limit} per ${seconds(backlog.rateLimit.windowMs)} s`
  const share = backlog.minimumMs ? backlog.minimumMs / backlog.drainMs : null
  const ratio = backlog.minimumMs
    ? `**${fixed(share * 100, 0)} %** of the allowed rate: ${fixed(backlog.drainMs / backlog.minimumMs, 2)}× the ${seconds(backlog.minimumMs)} s the limit allows (${backlog.windows} windows, the last opens ${seconds(backlog.minimumMs)} s after the first)`
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
    [
      `${title}, ${int(backlog.orders)} orders at ${limit}`,
      seconds(backlog.drainMs),
      goal("backlog", share === null ? null : share >= 0.9),
      "s",
      `${ratio}; ${delivered}; ${backlog.concurrency} purchase workflows at a time; 1 run${note}`,
    ],
    [
      `429 answers, ${title.toLowerCase()} at ${limit}`,
      int(backlog.tooMany),
      goal("tooMany", backlog.tooMany === 0),
      "answers",
      `of ${int(backlog.calls)} esimfly requests; ${reached}`,
    ],
  ]
}

function memoryRows(memory) {
  const what = `${int(memory.purchases)} purchases (${int(memory.orders)} orders × ${memory.lines} eSIM lines) in ${fixed(memory.purchaseMs / 60000, 1)} min; ${int(memory.completed)} bought`
  const trend = (key) => memory.readings.map((reading) => fixed(reading[key], 0)).join(" → ")
  const when = `start, after the ${int(memory.warm.orders)}-order warm-up, every ${int(memory.readings[2]?.orders - memory.warm.orders)} orders`
  return [
    [
      "Heap growth",
      fixed(memory.heapPer1000, 2),
      goal("memory", memory.heapPer1000 <= 5),
      "MB per 1,000 orders",
      `from the warm-up to the end; ${what}; 1 run; heap after GC (MB) at the ${when}: ${trend("heapMb")}`,
    ],
    [
      "RSS growth",
      fixed(memory.rssPer1000, 2),
      "",
      "MB per 1,000 orders",
      `RSS (MB) at the same points: ${trend("rssMb")}`,
    ],
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
  return [
    "",
    `Memory: the issue's 10,000 one-line orders do not fit the run's budget${pace}; run them with \`BENCH_MEMORY_ORDERS=10000 BENCH_MEMORY_LINES=1\`.`,
  ]
}

/** The delivery profile per phase, pooled over every round's latency orders. */
function profileNote(rounds) {
  const latencies = rounds.map((round) => round.plugin.latency).filter(Boolean)
  const placed = new Map(latencies.flatMap((latency) => Object.entries(latency.placedAt)))
  const profiles = new Map(
    latencies.flatMap((latency) => latency.profiles.map((profile) => [profile.order_id, profile]))
  )
  if (!profiles.size) {
    return []
  }
  const rows = phaseTable(profiles, placed, latencies[0].sandboxLatencyMs).map(
    ([name, p50, p95]) => `| ${name} | ${int(p50)} | ${int(p95)} |`
  )
  const title = `Delivery profile of the latency orders (${profiles.size} orders, all rounds; the plugin's ESIMFLY_DELIVERY_PROFILE log lines), in the order of the path:`
  return ["", title, "", "| phase | p50 ms | p95 ms |", "|---|--:|--:|", ...rows]
}

/** The markdown the benchmark prints (and docs/benchmark.md quotes). */
export function renderTable(results, config, { machine, totalMs, loadAtEnd }) {
  const rounds = results.rounds ?? []
  const rows = [
    ...(rounds.length ? throughputRows(rounds, config.throughput) : []),
    ...latencyRows(rounds),
    ...(rounds.length ? callsRows(rounds) : []),
    ...(results.backlog ? backlogRows(results.backlog, "Backlog drain") : []),
    ...(results.backlogMinute
      ? backlogRows(
          results.backlogMinute,
          "Backlog drain at esimfly's default limit",
          `; ${int(results.backlogMinute.orders)} orders (BENCH_BACKLOG_MINUTE_ORDERS) to keep the drain to about 5 min: ${fixed(results.backlogMinute.drainMs / 60000, 1)} min here`
        )
      : []),
    ...(results.memory ? memoryRows(results.memory) : []),
  ]
  const header = ["| measurement | value | goal | unit | how / spread |", "|---|--:|---|---|---|"]
  const body = rows.map((cells) => `| ${cells.join(" | ")} |`)
  const where = `${machine.date}, ${machine.cores} cores (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}; load average ${fixed(machine.load, 2)} at the start, ${fixed(loadAtEnd, 2)} at the end; whole run ${fixed(totalMs / 60000, 1)} min; the live rows ran ${config.rounds} round${config.rounds === 1 ? "" : "s"} (base, plugin, base, plugin, …)`
  return [...header, ...body, ...profileNote(rounds), ...memoryNote(results), "", where].join("\n")
}
