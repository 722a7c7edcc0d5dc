// Checkout throughput: N concurrent shoppers check out the bench eSIM through the store API
// for a fixed time; orders completed after the warm-up count.
import { shopperFor } from "./shopper.mjs"

/** { ordersPerSecond, orders, errors, firstError, lastCompletedAt, checkouts: [{ from, to }] }. */
export async function measureCheckoutThroughput(appUrl, store, { shoppers, seconds, warmupSeconds }) {
  const checkout = await shopperFor(appUrl, store)
  const start = Date.now()
  const measureFrom = start + warmupSeconds * 1000
  const end = measureFrom + seconds * 1000
  const completed = []
  const checkouts = []
  let errors = 0
  let firstError = null
  const shopper = async () => {
    while (Date.now() < end) {
      const from = Date.now()
      try {
        const order = await checkout()
        completed.push({ at: Date.now(), id: order.id })
        checkouts.push({ from, to: Date.now() })
      } catch (error) {
        errors += 1
        firstError ??= error.message
      }
    }
  }
  await Promise.all(Array.from({ length: shoppers }, shopper))
  const counted = completed.filter(({ at }) => at >= measureFrom && at < end)
  return {
    ordersPerSecond: counted.length / seconds,
    orders: counted.length,
    allOrders: completed.map(({ id }) => id),
    errors,
    firstError,
    lastCompletedAt: Math.max(start, ...completed.map(({ at }) => at)),
    checkouts,
  }
}
