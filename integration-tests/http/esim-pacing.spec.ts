import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { SandboxLedgerWithRateLimit } from "../../sandbox/ledger"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import { seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { useSandboxProcess } from "../helpers/sandbox-process"

jest.setTimeout(240 * 1000)

const sandbox = useSandboxProcess(["--balance", "100000"])

beforeAll(() => {
  // 200 workflows share this one thread: answers wait their turn longer than on a real
  // server, and the specs' usual 3 s would read them as lost (production: 60 s).
  process.env.ESIMFLY_ORDER_TIMEOUT_MS = "30000"
})

const ORDERS = 200
const LIMIT = 100
// Time-compressed: esimfly's window is an hour. Long enough that X-RateLimit-Reset's whole
// seconds (up to 1 s late) and the app's own pace stay small beside it.
const WINDOW_MS = 20_000
const PACKAGE = "TR1GB7D"

/** Fields of the template's line that belong to that line alone. */
const OWN_FIELDS = ["id", "order_id", "created_at", "updated_at", "deleted_at", "detail"]

/**
 * A backlog of placed orders whose purchase has not run (no order.placed, as in
 * esim-catch-up.spec.ts): one through createOrderWorkflow, the rest copied from it in one
 * call to the Order Module, which is what makes 200 orders cheap to set up.
 */
async function createBacklog(container: MedusaContainer, seed: SeededEsimStore, count: number): Promise<string[]> {
  const input = {
    region_id: seed.region.id,
    sales_channel_id: seed.salesChannel.id,
    currency_code: "usd",
  }
  const variant_id = seed.esimProducts[PACKAGE].variant.id
  const { result: first } = await createOrderWorkflow(container).run({
    input: { ...input, items: [{ variant_id, quantity: 1 }] },
  })
  const orders = container.resolve(Modules.ORDER)
  const [template] = await orders.listOrders({ id: first.id }, { relations: ["items"] })
  const item = template.items?.[0]
  if (!item) {
    throw new Error("the template order has no item")
  }
  const line = Object.fromEntries(Object.entries(item).filter(([key]) => !OWN_FIELDS.includes(key)))
  const copy = { ...input, status: template.status, items: [{ ...line, quantity: 1 }] } as CreateOrderDTO
  const copies = await orders.createOrders(Array.from({ length: count - 1 }, () => copy))
  return [first.id, ...copies.map((order) => order.id)]
}

/**
 * How much of the allowed rate a drain used. With a fixed window of `limit` calls per
 * `windowMs`, opened by the first call after the previous one ended, N calls need at least
 * k = ceil(N / limit) windows, and the fastest possible drain sends the last window's calls
 * the instant it opens: (k - 1) * windowMs from the first call to the last. The ratio is that
 * minimum over the time the drain really took between the same two calls (arrival times, as the
 * limiter counts them); 1 means no time was lost at any window boundary.
 */
function rateUse(log: SandboxLedgerWithRateLimit["rateLimit"]) {
  const counted = log.calls.filter((call) => call.allowed)
  const times = counted.map((call) => Date.parse(call.at))
  const windowsNeeded = Math.ceil(counted.length / log.limit)
  const minimumMs = (windowsNeeded - 1) * log.windowMs
  const elapsedMs = Math.max(...times) - Math.min(...times)
  const windowsUsed = Math.max(...counted.map((call) => call.window))
  return { calls: counted.length, windowsNeeded, windowsUsed, minimumMs, elapsedMs, ratio: minimumMs / elapsedMs }
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer }) => {
    it("drains 200 orders bought at once through a limit of 100 per window with no 429, each bought once, at ≥ 90 % of the rate", async () => {
      const container = getContainer()
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      const seed = await seedEsimStore(container, { packageCodes: [PACKAGE] })
      // Fulfilment is not measured here, and Medusa's fulfilment workflows cost ~0.5 s of this
      // one thread each: without an esimfly shipping option the delivery step only records
      // "fulfillment_failed" (the eSIMs are bought and stored all the same).
      await container.resolve(Modules.FULFILLMENT).deleteShippingOptions([seed.esimShippingOption.id])
      const orderIds = await createBacklog(container, seed, ORDERS)
      // Nothing has called esimfly yet: the pacer starts from the documented limit and learns the real one.
      expect(esim.getClient().pacing).toMatchObject({ source: "documented" })
      await sandbox.current().control("/faults", { rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } })

      // 200 callers at once, all drawing on the module's one client and so on one pacer.
      const runs = await Promise.allSettled(
        orderIds.map((order_id) => purchaseEsimsWorkflow(container).run({ input: { order_id } }))
      )

      expect(runs.filter((run) => run.status === "rejected")).toEqual([])
      const ledger = await sandbox.current().control<SandboxLedgerWithRateLimit>("/ledger")
      expect(ledger.requests.filter((request) => request.status === 429)).toEqual([])
      expect(ledger.rateLimit.calls.filter((call) => !call.allowed)).toEqual([])

      const esimOrders = await esim.listEsimOrders({ order_id: orderIds }, { take: null })
      expect(esimOrders).toHaveLength(ORDERS)
      expect(esimOrders.filter((esimOrder) => esimOrder.status !== "completed" || esimOrder.attempts !== 1)).toEqual([])
      const creates = ledger.requests.filter(
        (request) => request.method === "POST" && request.path.endsWith("/esims/order")
      )
      expect(creates).toHaveLength(ORDERS)
      const keys = ledger.orders.map((order) => order.idempotencyKey)
      expect(keys).toHaveLength(ORDERS)
      expect(new Set(keys)).toEqual(new Set(esimOrders.map((esimOrder) => esimOrder.idempotency_key)))
      expect(await esim.listEsimProfiles({ order_id: orderIds }, { take: null })).toHaveLength(ORDERS)

      const use = rateUse(ledger.rateLimit)
      console.log(`esimfly pacing: ${JSON.stringify(use)}`)
      expect(use.calls).toBe(ORDERS)
      expect(use.windowsUsed).toBe(use.windowsNeeded)
      expect(use.ratio).toBeGreaterThanOrEqual(0.9)
    })
  },
})
