// Where the plugin is with each order, read from its tables: when it stored and emailed the
// eSIMs, or that a purchase ended without eSIMs (held, failed, needs attention).

const STATE = `
  select o.id as order_id, d.notified_at,
         (select max(p.created_at) from esim_profile p where p.order_id = o.id) as stored_at,
         (select count(*)::int from esim_order e where e.order_id = o.id and e.status in ('held', 'failed', 'needs_attention')) as stuck
  from unnest($1::text[]) as o(id)
  left join esim_delivery d on d.order_id = o.id`

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polls until every order is emailed or stuck; returns { delivered: Map(order_id →
 * { storedAt, notifiedAt } in ms), stuck: [order_id] }. Throws after `timeoutMs`.
 */
export async function waitForDeliveries(client, orderIds, { timeoutMs, pollMs = 20 }) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await client.query(STATE, [orderIds])
    const delivered = rows.filter((row) => row.notified_at)
    const stuck = rows.filter((row) => !row.notified_at && row.stuck > 0)
    if (delivered.length + stuck.length === orderIds.length) {
      const times = delivered.map((row) => [
        row.order_id,
        { storedAt: row.stored_at.getTime(), notifiedAt: row.notified_at.getTime() },
      ])
      return { delivered: new Map(times), stuck: stuck.map((row) => row.order_id) }
    }
    if (Date.now() > deadline) {
      const waiting = orderIds.length - delivered.length - stuck.length
      throw new Error(
        `${waiting} of ${orderIds.length} orders were neither delivered nor settled within ${timeoutMs / 1000} s`
      )
    }
    await sleep(pollMs)
  }
}
