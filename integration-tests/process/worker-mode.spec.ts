import { readFileSync } from "node:fs"
import path from "node:path"
import { createSandbox, Sandbox } from "../../sandbox"
import { specLogDir } from "./log-dir"
import { baseEnv, Env, MedusaProcess, startMedusa, stopAllMedusa } from "./medusa-process"
import { TestRedis, useRedis } from "./redis"
import type { ProcessSeed } from "./seed-store"
import { StoreClient, waitFor } from "./store-client"
import { createStoreDatabase, migrateAndSeed, StoreDatabase } from "./store-database"

jest.setTimeout(240 * 1000)

const HOUR = String(60 * 60 * 1000)

/** What the event bus logs when it runs an event's subscribers (only a worker or shared instance does). */
const PROCESSED_ORDER_PLACED = "Processing order.placed"

describe("a server and a worker sharing Redis", () => {
  let sandbox: Sandbox
  let redis: TestRedis | undefined
  let database: StoreDatabase | undefined
  let seed: ProcessSeed
  let logDir: string
  let server: MedusaProcess
  let worker: MedusaProcess

  const envFor = (mode: "server" | "worker", shared: Env) => ({ ...shared, MEDUSA_WORKER_MODE: mode })

  beforeAll(async () => {
    logDir = specLogDir("worker-mode")
    sandbox = createSandbox()
    const { url } = await sandbox.listen(0)
    redis = await useRedis()
    database = await createStoreDatabase("workers")
    const shared = baseEnv({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      ESIMFLY_BASE_URL: url,
      ESIMFLY_ACCESS_CODE: sandbox.accessCode,
      ESIMFLY_SECRET_KEY: sandbox.secretKey,
      ESIMFLY_RECONCILE_INTERVAL_MS: HOUR,
      ESIMFLY_CATCH_UP_INTERVAL_MS: HOUR,
      ESIMFLY_PENDING_JOB_INTERVAL_MS: HOUR,
      ESIMFLY_BALANCE_JOB_TICK_MS: HOUR,
      // Job registration is logged at debug level: the proof that only the worker schedules them.
      LOG_LEVEL: "debug",
    })
    // Migrated and seeded by a server-mode instance: it runs no subscriber and schedules no job.
    seed = await migrateAndSeed(envFor("server", shared), logDir)
    ;[server, worker] = await Promise.all([
      startMedusa("server", envFor("server", shared), path.join(logDir, "medusa-server.log")),
      startMedusa("worker", envFor("worker", shared), path.join(logDir, "medusa-worker.log")),
    ])
  })

  afterAll(async () => {
    await stopAllMedusa()
    await sandbox?.close()
    redis?.stop()
    await database?.drop()
  })

  it("delivers an order placed through the server once, bought by the worker", async () => {
    const client = new StoreClient(server.url, seed)
    const order = await client.placeOrder("TR1GB7D", 2)

    const esimOrders = await waitFor("the worker to buy and deliver the order", async () => {
      const found = await client.esimOrders(order.id)
      return found.length > 0 && found.every((i) => i.status === "completed" && i.fulfillment_id) && found
    })
    const notifications = await waitFor("the delivery email", async () => {
      const sent = (await client.notifications()).filter((n) => n.template === "esim-delivered")
      return sent.length > 0 && sent
    })

    const ledger = sandbox.ledger()
    expect(ledger.orders).toHaveLength(esimOrders.length)
    for (const esimOrder of esimOrders) {
      expect(ledger.orders.filter((o) => o.idempotencyKey === esimOrder.idempotency_key)).toHaveLength(1)
      const purchasing = (esimOrder.history?.events ?? []).filter((event) => event.type === "purchasing")
      expect(purchasing.map((event) => event.by)).toEqual([
        expect.objectContaining({ worker_mode: "worker", pid: worker.pid }),
      ])
    }
    expect(notifications).toHaveLength(1)
    const iccids = ledger.orders.flatMap((o) => o.esims.map((e) => e.iccid)).sort()
    expect(notifications[0].data.esims.map((e) => e.iccid).sort()).toEqual(iccids)
    expect((await client.customerEsims()).map((e) => e.iccid).sort()).toEqual(iccids)
    expect(readFileSync(worker.logFile, "utf8")).toContain(PROCESSED_ORDER_PLACED)
    expect(readFileSync(server.logFile, "utf8")).not.toContain(PROCESSED_ORDER_PLACED)
  })

  it("shows on the server the balance the worker's purchase mirrored, without reading esimfly's balance", async () => {
    const client = new StoreClient(server.url, seed)
    const balance = await client.balance()
    expect(balance).toMatchObject({
      amount: sandbox.ledger().balance,
      currency: sandbox.ledger().currency,
      source: "create_order",
    })
    expect(sandbox.ledger().requests.filter((r) => r.path.endsWith("/balance"))).toEqual([])
  })

  it("schedules the plugin's jobs on the worker only, and serves HTTP routes on the server only", async () => {
    const serverLog = readFileSync(server.logFile, "utf8")
    const workerLog = readFileSync(worker.logFile, "utf8")
    for (const job of [
      "reconcile-esim-orders",
      "catch-up-esim-orders",
      "resolve-pending-esims",
      "refresh-esimfly-balance",
    ]) {
      expect(workerLog).toMatch(new RegExp(`Registering job from \\S*src/jobs/${job}`))
      expect(serverLog).not.toContain(`src/jobs/${job}`)
    }
    const storeOnWorker = await fetch(`${worker.url}/store/products`, {
      headers: { "x-publishable-api-key": seed.publishableKey.token },
    })
    expect(storeOnWorker.status).toBe(404)
  })
})
