// The backlog: BENCH_BACKLOG_ORDERS placed orders drained against a time-compressed sandbox
// rate limit (app/backlog.ts does the work in the app); the drain time against the least the
// limit allows, the 429 answers from the sandbox ledger and the eSIM orders' outcomes.
import { withClient } from "./db.mjs"
import { ledgerMark } from "./calls.mjs"
import { requestsSince } from "./sandbox.mjs"
import { execInApp } from "./stack.mjs"

const OUTCOMES =
  "select status, coalesce(error_code, '') as code, count(*)::int as n from esim_order where order_id = any($1) group by 1, 2"

/** "completed 940, failed (RATE_LIMIT_EXCEEDED) 60" */
function describeOutcomes(rows) {
  return rows.map(({ status, code, n }) => `${status}${code ? ` (${code})` : ""} ${n}`).join(", ")
}

export async function measureBacklog(
  { root, app, sandbox, work, logs },
  { orders, concurrency, rateLimit, name = "backlog" }
) {
  const mark = ledgerMark(await sandbox.ledger())
  await sandbox.setRateLimit(rateLimit)
  let result
  try {
    const env = { ...app.env, BENCH_INPUT: JSON.stringify({ store: app.store, orders, concurrency }) }
    result = await execInApp(root, { script: "backlog", name, env, work, logs })
  } finally {
    await sandbox.setRateLimit(null)
  }
  const requests = requestsSince(await sandbox.ledger(), mark.seq)
  const { rows } = await withClient(app.dbUrl, (client) => client.query(OUTCOMES, [result.orderIds]))
  const windows = Math.ceil(orders / rateLimit.limit)
  const minimumMs = (windows - 1) * rateLimit.windowMs
  return {
    orders,
    concurrency,
    rateLimit,
    drainMs: result.drainMs,
    createMs: result.createMs,
    minimumMs,
    windows,
    tooMany: requests.filter((request) => request.status === 429).length,
    calls: requests.length,
    completed: rows.filter((row) => row.status === "completed").reduce((sum, row) => sum + row.n, 0),
    outcomes: describeOutcomes(rows),
    thrown: result.thrown,
  }
}
