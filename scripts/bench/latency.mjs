// Delivery latency: orders placed one at a time through the store API (so none waits behind
// another); for each, from order.placed to the eSIM stored and the email created, read from
// the plugin's tables, minus the sandbox's configured latency for each esimfly call in between.
// order.placed is emitted as the completion's workflow ends, before the store answers, so the
// clock starts at the answer or at the purchase run's start in the plugin's delivery profile
// (profile.mjs, read from the app's log), whichever came first.
import { waitForDeliveries } from "./deliveries.mjs"
import { withClient } from "./db.mjs"
import { readProfiles } from "./profile.mjs"
import { shopperFor } from "./shopper.mjs"
import { percentile } from "./stats.mjs"

export { percentile }

function callsBetween(requests, from, to) {
  return requests.filter((request) => {
    const at = Date.parse(request.at)
    return at > from && at <= to
  }).length
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The run logs its profile as it ends, a moment after the email: waits up to 5 s for the last ones. */
async function profilesOf(logFile, orderIds) {
  for (let waited = 0; ; waited += 100) {
    const profiles = readProfiles(logFile, orderIds)
    if (profiles.size === orderIds.length || waited >= 5000) {
      return profiles
    }
    await sleep(100)
  }
}

export async function measureDeliveryLatency({ appUrl, store, dbUrl, sandbox, logFile }, { orders, sandboxLatencyMs }) {
  const checkout = await shopperFor(appUrl, store)
  await sandbox.setLatency(sandboxLatencyMs)
  const placed = []
  try {
    await withClient(dbUrl, async (client) => {
      for (let i = 0; i < orders; i += 1) {
        const checkoutFrom = Date.now()
        const order = await checkout()
        const placedAt = Date.now()
        const { delivered, stuck } = await waitForDeliveries(client, [order.id], { timeoutMs: 60000 })
        if (stuck.length) {
          throw new Error(`order ${order.id} got no eSIM (see its esim_order row); the latency needs delivered orders`)
        }
        placed.push({ orderId: order.id, checkoutFrom, placedAt, ...delivered.get(order.id) })
      }
    })
  } finally {
    await sandbox.setLatency(0)
  }
  const { requests } = await sandbox.ledger()
  const profiles = logFile
    ? await profilesOf(
        logFile,
        placed.map((order) => order.orderId)
      )
    : new Map()
  const samples = placed.map(({ orderId, placedAt, storedAt, notifiedAt }) => {
    // order.placed is emitted before the store answers: a purchase run that started earlier starts the clock.
    const from = Math.min(placedAt, profiles.get(orderId)?.started_at ?? placedAt)
    const calls = callsBetween(requests, from, notifiedAt)
    return {
      orderId,
      from,
      calls,
      stored: storedAt - from - calls * sandboxLatencyMs,
      notified: notifiedAt - from - calls * sandboxLatencyMs,
    }
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
    samples,
    /** Each checkout's window, for the calls-during-checkout row. */
    checkouts: placed.map(({ checkoutFrom, placedAt }) => ({ from: checkoutFrom, to: placedAt })),
    placedAt: Object.fromEntries(placed.map(({ orderId, placedAt }) => [orderId, placedAt])),
    profiles: [...profiles.values()],
  }
}
