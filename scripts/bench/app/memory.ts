// Memory over many purchases in one process: placed orders of `lines` one-eSIM lines, bought
// by the plugin's purchase workflow; heap and RSS read after a forced GC at the start (the
// booted app, before the orders are written), after the warm-up, every tenth of the run and
// at the end. Needs node --expose-gc.
import { ExecArgs } from "@medusajs/framework/types"
import { benchInput, writeResult } from "./bench-env"
import { createPlacedOrders, inParallel, purchase } from "./orders"

type MemoryInput = { orders: number; lines: number; warmupOrders: number; concurrency: number }

type Reading = { label: string; orders: number; heapMb: number; rssMb: number }

function read(label: string, orders: number): Reading {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) {
    throw new Error("bench: memory needs node --expose-gc")
  }
  gc()
  gc()
  const { heapUsed, rss } = process.memoryUsage()
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
  return { label, orders, heapMb: mb(heapUsed), rssMb: mb(rss) }
}

export default async function measureMemory({ container }: ExecArgs) {
  const { store, orders, lines, warmupOrders, concurrency } = benchInput<MemoryInput>()
  const readings = [read("start", 0)]
  const createStart = Date.now()
  const orderIds = await createPlacedOrders(container, store, orders, lines)
  const purchaseStart = Date.now()
  const step = Math.max(1, Math.ceil((orders - warmupOrders) / 10))
  const stops = [warmupOrders]
  for (let at = warmupOrders + step; at < orders; at += step) {
    stops.push(at)
  }
  stops.push(orders)
  let done = 0
  let thrown = 0
  for (const stop of stops) {
    await inParallel(stop - done, concurrency, async (i) => {
      thrown += (await purchase(container, orderIds[done + i])) ? 0 : 1
    })
    done = stop
    readings.push(read(done === warmupOrders ? "after warm-up" : done === orders ? "end" : "", done))
  }
  writeResult({
    orderIds,
    lines,
    createMs: purchaseStart - createStart,
    purchaseMs: Date.now() - purchaseStart,
    thrown,
    readings,
  })
}
