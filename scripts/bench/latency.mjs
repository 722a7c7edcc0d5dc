// Delivery latency: orders placed one at a time through the store API (so none waits behind
// another); for each, from the store's answer to POST /carts/:id/complete (order.placed is
// emitted as that workflow ends) to the eSIM stored and the email created, read from the
// plugin's tables, minus the sandbox's configured latency for each esimfly call in between.
import { waitForDeliveries } from "./deliveries.mjs"
import { withClient } from "./db.mjs"
import { shopperFor } from "./shopper.mjs"

/** Nearest-rank percentile of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

function callsBetween(requests, from, to) {
  return requests.filter((request) => {
    const at = Date.parse(request.at)
    return at > from && at <= to
  }).length
}

export async function measureDeliveryLatency({ appUrl, store, dbUrl, sandbox }, { orders, sandboxLatencyMs }) {
  const checkout = await shopperFor(appUrl, store)
  await sandbox.setLatency(sandboxLatencyMs)
  const placed = []
  try {
    await withClient(dbUrl, async (client) => {
      for (let i = 0; i < orders; i += 1) {
        const order = await checkout()
        const placedAt = Date.now()
        const { delivered, stuck } = await waitForDeliveries(client, [order.id], { timeoutMs: 60000 })
        if (stuck.length) {
          throw new Error(`order ${order.id} got no eSIM (see its esim_order row); the latency needs delivered orders`)
        }
        placed.push({ placedAt, ...delivered.get(order.id) })
      }
    })
  } finally {
    await sandbox.setLatency(0)
  }
  const { requests } = await sandbox.ledger()
  const samples = placed.map(({ placedAt, storedAt, notifiedAt }) => {
    const calls = callsBetween(requests, placedAt, notifiedAt)
    return { calls, stored: storedAt - placedAt - calls * sandboxLatencyMs, notified: notifiedAt - placedAt - calls * sandboxLatencyMs }
  })
  const notified = samples.map((sample) => sample.notified)
  const stored = samples.map((sample) => sample.stored)
  return {
    orders: samples.length,
    sandboxLatencyMs,
    callsPerOrder: samples.reduce((sum, sample) => sum + sample.calls, 0) / samples.length,
    p50: percentile(notified, 50),
    p95: percentile(notified, 95),
    storedP50: percentile(stored, 50),
    storedP95: percentile(stored, 95),
  }
}
