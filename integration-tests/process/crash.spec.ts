import path from "node:path"
import { createSandbox, Sandbox } from "../../sandbox"
import { specLogDir } from "./log-dir"
import { baseEnv, Env, MedusaProcess, startMedusa, stopAllMedusa } from "./medusa-process"
import { ReplyHold } from "./reply-hold"
import type { ProcessSeed } from "./seed-store"
import { StoreClient, waitFor } from "./store-client"
import { createStoreDatabase, migrateAndSeed, queryStore, StoreDatabase } from "./store-database"

jest.setTimeout(240 * 1000)

const HOUR = String(60 * 60 * 1000)

describe("a Medusa process killed mid-purchase", () => {
  let sandbox: Sandbox
  const relay = new ReplyHold()
  let database: StoreDatabase | undefined
  let env: Env
  let seed: ProcessSeed
  let logDir: string

  beforeAll(async () => {
    logDir = specLogDir("crash")
    sandbox = createSandbox()
    const { url } = await sandbox.listen(0)
    database = await createStoreDatabase("crash")
    env = baseEnv({
      DATABASE_URL: database.url,
      ESIMFLY_BASE_URL: await relay.listen(url),
      ESIMFLY_ACCESS_CODE: sandbox.accessCode,
      ESIMFLY_SECRET_KEY: sandbox.secretKey,
      ESIMFLY_ORDER_TIMEOUT_MS: "5000",
      // After the restart, reconciliation looks every second for purchases older than 5 s + 1 s.
      ESIMFLY_RECONCILE_INTERVAL_MS: "1000",
      ESIMFLY_RECONCILE_GRACE_MS: "1000",
      // An interrupted purchase is judged by its age: the create-order timeout plus the longest pacer wait.
      ESIMFLY_RATE_LIMIT_MAX_WAIT_MS: "1000",
      ESIMFLY_CATCH_UP_INTERVAL_MS: HOUR,
      ESIMFLY_PENDING_JOB_INTERVAL_MS: HOUR,
    })
    seed = await migrateAndSeed(env, logDir)
  })

  afterAll(async () => {
    await stopAllMedusa()
    await relay.close()
    await sandbox?.close()
    await database?.drop()
  })

  it("adopts after a restart the order esimfly committed, and the shopper gets the eSIM once", async () => {
    const first = await startMedusa("first", env, path.join(logDir, "medusa-first.log"))
    const held = relay.holdNextCreateOrder()
    const order = await new StoreClient(first.url, seed).placeOrder("TR1GB7D", 1)

    // esimfly committed the order and answered; the answer never reaches Medusa, which is killed.
    const reply = await held
    expect(reply.status).toBe(200)
    first.kill("SIGKILL")
    expect(await first.exited).toBe("SIGKILL")
    const committed = sandbox.ledger().orders.filter((o) => o.idempotencyKey?.startsWith(`${order.id}:`))
    expect(committed).toHaveLength(1)
    const stored = await queryStore<{ status: string; esimfly_order_reference: string | null }>(
      database as StoreDatabase,
      "select status, esimfly_order_reference from esim_order where order_id = $1 and deleted_at is null",
      [order.id]
    )
    expect(stored).toEqual([{ status: "purchasing", esimfly_order_reference: null }])

    const second: MedusaProcess = await startMedusa("second", env, path.join(logDir, "medusa-second.log"))
    const client = new StoreClient(second.url, seed)
    const [esimOrder] = await waitFor("the eSIM order to be settled and delivered", async () => {
      const esimOrders = await client.esimOrders(order.id)
      return esimOrders.every((i) => i.status === "completed" && i.fulfillment_id) && esimOrders
    })

    expect(esimOrder.esimfly_order_reference).toBe(committed[0].orderReference)
    const events = esimOrder.history?.events ?? []
    const interrupted = events.find((event) => event.code === "INTERRUPTED")
    expect(interrupted?.by).toMatchObject({ pid: second.pid })
    expect(events.map((event) => event.type)).toContain("adopted")

    const ledger = sandbox.ledger()
    expect(ledger.orders).toHaveLength(1)
    expect(ledger.requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))).toHaveLength(1)
    const iccids = committed[0].esims.map((e) => e.iccid)

    const fulfillments = await client.fulfillments(order.id)
    expect(fulfillments).toEqual([
      expect.objectContaining({ provider_id: "esimfly_esimfly", delivered_at: expect.any(String) }),
    ])
    const notifications = await waitFor("the delivery email", async () => {
      const sent = (await client.notifications()).filter((n) => n.template === "esim-delivered")
      return sent.length > 0 && sent
    })
    expect(notifications).toHaveLength(1)
    expect(notifications[0].data.esims.map((e) => e.iccid)).toEqual(iccids)
    expect((await client.customerEsims()).map((e) => e.iccid)).toEqual(iccids)
  })
})
