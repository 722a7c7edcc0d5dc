// Memory growth: app/memory.ts buys BENCH_MEMORY_ORDERS × BENCH_MEMORY_LINES eSIMs in one
// process run with --expose-gc; the growth per 1,000 orders is taken from the warm-up on.
import { withClient } from "./db.mjs"
import { execInApp } from "./stack.mjs"

const COMPLETED = "select count(*)::int as n from esim_order where order_id = any($1) and status = 'completed'"

/** MB per 1,000 orders between two readings. */
const growth = (from, to, key) => ((to[key] - from[key]) / (to.orders - from.orders)) * 1000

export async function measureMemory({ root, app, work, logs }, { orders, lines, warmupOrders, concurrency }) {
  const env = {
    ...app.env,
    BENCH_INPUT: JSON.stringify({ store: app.store, orders, lines, warmupOrders, concurrency }),
  }
  const result = await execInApp(root, { script: "memory", env, work, logs, nodeOptions: "--expose-gc" })
  const [{ n: completed }] = (await withClient(app.dbUrl, (client) => client.query(COMPLETED, [result.orderIds]))).rows
  const { readings } = result
  const start = readings[0]
  const warm = readings.find((reading) => reading.label === "after warm-up")
  const end = readings[readings.length - 1]
  return {
    orders,
    lines,
    purchases: orders * lines,
    completed,
    thrown: result.thrown,
    purchaseMs: result.purchaseMs,
    start,
    warm,
    end,
    readings,
    heapPer1000: growth(warm, end, "heapMb"),
    rssPer1000: growth(warm, end, "rssMb"),
  }
}
