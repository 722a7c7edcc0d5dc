// A backlog of placed orders nobody has bought yet, drained by the plugin's purchase
// workflow, `concurrency` at a time (as order.placed subscribers work through a burst),
// against whatever rate limit the runner gave the sandbox. Run by scripts/bench/backlog.mjs.
import { ExecArgs } from "@medusajs/framework/types"
import { benchInput, writeResult } from "./bench-env"
import { createPlacedOrders, inParallel, purchase } from "./orders"

type BacklogInput = { orders: number; concurrency: number }

export default async function drainBacklog({ container }: ExecArgs) {
  const { store, orders, concurrency } = benchInput<BacklogInput>()
  const createStart = Date.now()
  const orderIds = await createPlacedOrders(container, store, orders, 1)
  const drainStart = Date.now()
  let thrown = 0
  await inParallel(orderIds.length, concurrency, async (i) => {
    thrown += (await purchase(container, orderIds[i])) ? 0 : 1
  })
  const drainEnd = Date.now()
  writeResult({
    orderIds,
    createMs: drainStart - createStart,
    drainStart,
    drainEnd,
    drainMs: drainEnd - drainStart,
    thrown,
  })
}
