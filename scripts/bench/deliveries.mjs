// When the plugin stored and emailed an order's eSIMs, read from its tables.

const DELIVERED = `
  select d.order_id, d.notified_at,
         (select max(p.created_at) from esim_profile p where p.order_id = d.order_id) as stored_at
  from esim_delivery d
  where d.order_id = any($1) and d.notified_at is not null`

/** { order_id → { storedAt, notifiedAt } (ms) } for the orders already emailed. */
export async function deliveredOrders(client, orderIds) {
  const { rows } = await client.query(DELIVERED, [orderIds])
  return new Map(rows.map((row) => [row.order_id, { storedAt: row.stored_at.getTime(), notifiedAt: row.notified_at.getTime() }]))
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until every order is emailed; returns the map, or throws naming how many are missing. */
export async function waitForDeliveries(client, orderIds, { timeoutMs, pollMs = 20 }) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const delivered = await deliveredOrders(client, orderIds)
    if (delivered.size === orderIds.length) {
      return delivered
    }
    if (Date.now() > deadline) {
      throw new Error(`${orderIds.length - delivered.size} of ${orderIds.length} orders were not delivered within ${timeoutMs / 1000} s`)
    }
    await sleep(pollMs)
  }
}
