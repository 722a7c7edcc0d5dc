// The benchmark's sizes, from the environment; the defaults are the sizes where they
// fit the 10–15 minute budget on 2 cores (docs/benchmark.md says which do not).

const DEFAULTS = {
  BENCH_ROUNDS: 3,
  BENCH_WARMUP_ORDERS: 5,
  BENCH_SHOPPERS: 8,
  BENCH_CHECKOUT_SECONDS: 30,
  BENCH_WARMUP_SECONDS: 10,
  BENCH_LATENCY_ORDERS: 30,
  BENCH_SANDBOX_LATENCY_MS: 200,
  BENCH_BACKLOG_ORDERS: 1000,
  BENCH_RATE_LIMIT: "100/20000",
  BENCH_BACKLOG_CONCURRENCY: 4,
  BENCH_BACKLOG_MINUTE_ORDERS: 500,
  BENCH_MEMORY_ORDERS: 1000,
  BENCH_MEMORY_LINES: 10,
  BENCH_MEMORY_CONCURRENCY: 4,
  BENCH_ONLY: "throughput,latency,backlog,backlog-minute,memory",
}

export const PHASES = ["throughput", "latency", "backlog", "backlog-minute", "memory"]

/** esimfly's documented default limit: 100 requests a minute (docs/benchmark.md). */
export const ESIMFLY_DEFAULT_RATE_LIMIT = { limit: 100, windowMs: 60000 }

class ConfigError extends Error {}

function int(name, { min = 1 } = {}) {
  const text = process.env[name] ?? String(DEFAULTS[name])
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min) {
    throw new ConfigError(`${name} must be a whole number ≥ ${min}, got "${text}"`)
  }
  return value
}

function rateLimit() {
  const text = process.env.BENCH_RATE_LIMIT ?? DEFAULTS.BENCH_RATE_LIMIT
  const match = /^(\d+)\/(\d+)$/.exec(text)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new ConfigError(`BENCH_RATE_LIMIT must be <limit>/<window ms>, e.g. 100/1000, got "${text}"`)
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) }
}

function phases() {
  const names = (process.env.BENCH_ONLY ?? DEFAULTS.BENCH_ONLY)
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !PHASES.includes(name))
  if (unknown.length || !names.length) {
    throw new ConfigError(`BENCH_ONLY lists ${PHASES.join(", ")}; got "${process.env.BENCH_ONLY}"`)
  }
  return new Set(names)
}

/** Every size, validated; a bad value is a ConfigError that names the variable. */
export function readConfig() {
  const memoryOrders = int("BENCH_MEMORY_ORDERS", { min: 2 })
  return {
    phases: phases(),
    rounds: int("BENCH_ROUNDS"),
    warmupOrders: int("BENCH_WARMUP_ORDERS", { min: 0 }),
    throughput: {
      shoppers: int("BENCH_SHOPPERS"),
      seconds: int("BENCH_CHECKOUT_SECONDS"),
      warmupSeconds: int("BENCH_WARMUP_SECONDS", { min: 0 }),
    },
    latency: { orders: int("BENCH_LATENCY_ORDERS"), sandboxLatencyMs: int("BENCH_SANDBOX_LATENCY_MS", { min: 0 }) },
    backlog: {
      orders: int("BENCH_BACKLOG_ORDERS"),
      concurrency: int("BENCH_BACKLOG_CONCURRENCY"),
      rateLimit: rateLimit(),
    },
    backlogMinute: {
      orders: int("BENCH_BACKLOG_MINUTE_ORDERS"),
      concurrency: int("BENCH_BACKLOG_CONCURRENCY"),
      rateLimit: ESIMFLY_DEFAULT_RATE_LIMIT,
    },
    memory: {
      orders: memoryOrders,
      lines: int("BENCH_MEMORY_LINES"),
      warmupOrders: Math.max(1, Math.round(memoryOrders / 10)),
      concurrency: int("BENCH_MEMORY_CONCURRENCY"),
    },
  }
}

export { ConfigError }
