import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ChaosConfig } from "../../sandbox"
import { seededRandom } from "../../sandbox/chaos"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import { emailsAfterCancel, liveAfterCancel, misclaimed, notBoughtExactly, SoakCancel } from "../fixtures/esim-cancel-checks"
import { inPool, orderLines, settleRound, soakOrders, SoakLine } from "../fixtures/esim-soak"
import { countBy, lostEsims } from "../fixtures/esim-soak-checks"
import {
  adminHeaders,
  checkoutEsimCart,
  createAdminToken,
  RequestConfig,
  seedEsimStore,
  SeededEsimStore,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

// QR codes cost ~0.5 s each under jest; this soak is about money, so the image is a stub.
jest.mock("qrcode", () => ({
  __esModule: true,
  default: { toDataURL: async (text: string) => `data:image/png;base64,${Buffer.from(text).toString("base64")}` },
}))

jest.setTimeout(10 * 60 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
// Runs race with a lock that lapses after a second.
process.env.ESIMFLY_ORDER_LOCK_TTL_S = "1"
process.env.ESIMFLY_ORDER_LOCK_WAIT_S = "5"
const sandbox = useSandbox()

/** ESIMFLY_SOAK_SEED picks another reproducible run. */
const SEED = Number(process.env.ESIMFLY_SOAK_SEED) || 7
const ORDERS = 30
const CODES = ["TR1GB7D", "EU-5GB-30D", "TR-1GB-7D-SLOW"]
const CHAOS: ChaosConfig = { rate: 0.15, seed: SEED, kinds: ["latency", "5xx", "429", "drop"], maxLatencyMs: 300 }
/** Where an admin's cancel lands: never, right after checkout (the purchase on its way), after order.placed, mid-settling. */
const STAGES = ["none", "none", "checkout", "placed", "settling"] as const
type Stage = (typeof STAGES)[number]
const ROUND_CLOCK_MS = 30 * 1000
/** Within this of a cancel, an email already handed to the provider may still be recorded. */
const IN_FLIGHT_EMAIL_MS = 2000

type Plan = { lines: SoakLine[]; stage: Stage; race: boolean }

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let esim: EsimModuleService
    let seed: SeededEsimStore
    let admin: RequestConfig
    const cancels: SoakCancel[] = []
    const cancelStages: string[] = []
    const refusedCancels: string[] = []

    beforeEach(async () => {
      container = getContainer()
      esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      sandbox.current().reset()
      sandbox.current().setBalance(100_000)
      seed = await seedEsimStore(container, { packageCodes: CODES })
      admin = adminHeaders(await createAdminToken(container))
    })

    /** The admin's Cancel order; Medusa may refuse while a fulfillment is being recorded, so it is tried a few times. */
    async function cancel(orderId: string): Promise<void> {
      const statuses = (await esim.listEsimOrders({ order_id: orderId })).map((intent) => intent.status)
      for (let attempt = 0; attempt < 5; attempt++) {
        const accepted = await api.post(`/admin/orders/${orderId}/cancel`, {}, admin).then(
          () => true,
          () => false
        )
        if (accepted) {
          cancels.push({ order_id: orderId, at: new Date() })
          cancelStages.push(...statuses.map((s) => s || "none yet"), ...(statuses.length ? [] : ["before any intent"]))
          return
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      refusedCancels.push(orderId)
    }

    function plan(): Plan[] {
      const random = seededRandom(SEED + 1)
      return soakOrders(SEED, ORDERS, CODES).map((lines) => ({
        lines,
        stage: STAGES[Math.floor(random() * STAGES.length)],
        race: random() < 0.3,
      }))
    }

    async function placeAll(plans: Plan[], races: Promise<unknown>[]): Promise<string[]> {
      const placed = waitForOrderPlaced(container, { timeout: 5 * 60 * 1000, triggerCount: plans.length })
      const orders = await inPool(plans, 3, async (planned, index) => {
        const lines = planned.lines.map((line) => ({ variantId: seed.esimProducts[line.code].variant.id, quantity: line.quantity }))
        const { order } = await checkoutEsimCart(api, seed, { email: `money-${index}@esim.test`, lines })
        if (planned.race) {
          races.push(purchaseEsimsWorkflow(container).run({ input: { order_id: order.id }, throwOnError: false }))
        }
        if (planned.stage === "checkout") {
          await cancel(order.id)
        }
        return order.id
      })
      await placed
      return orders
    }

    async function settle(rounds: number, clockStart: number, afterFirst?: () => Promise<void>): Promise<void> {
      for (let round = 1; round <= rounds; round++) {
        await settleRound(container, new Date(Date.now() + (clockStart + round) * ROUND_CLOCK_MS))
        if (round === 1 && afterFirst) {
          await afterFirst()
        }
      }
    }

    it("keeps the money right under faults, racing runs and cancels at every stage", async () => {
      const plans = plan()
      const races: Promise<unknown>[] = []
      sandbox.current().faults.setChaos(CHAOS)
      const orders = await placeAll(plans, races)
      await Promise.all(races)
      const at = (stage: Stage) => orders.filter((_, index) => plans[index].stage === stage)
      for (const orderId of at("placed")) await cancel(orderId)
      await settle(5, 0, async () => {
        for (const orderId of at("settling")) await cancel(orderId)
      })
      sandbox.current().faults.setChaos(null)
      await settle(5, 5)

      const intents = await esim.listEsimOrders({ order_id: orders }, { take: null })
      const ledger = sandbox.current().ledger().orders
      const profiles = await esim.listEsimProfiles({ order_id: orders }, { take: null })
      const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ template: "esim-delivered" }, { take: null })
      const emails = notifications.map((n) => ({
        order_id: (n.data as { order_id?: string } | null)?.order_id ?? "",
        created_at: new Date(new Date(n.created_at as unknown as string).getTime() - IN_FLIGHT_EMAIL_MS),
      }))
      const canceledIds = new Set(cancels.map((c) => c.order_id))
      const tally = {
        seed: SEED,
        orders: orders.length,
        canceled: cancels.length,
        refused_cancels: refusedCancels.length,
        intents_at_cancel: countBy(cancelStages),
        racing_runs: races.length,
        batches: intents.length,
        intents_final: countBy(intents.map((intent) => `${canceledIds.has(intent.order_id) ? "canceled order" : "placed order"}: ${intent.status}`)),
        ledger_orders: countBy(ledger.map((order) => order.status)),
        chaos: sandbox.current().faults.snapshot().chaos?.hits ?? null,
      }
      console.log(`money soak: ${JSON.stringify(tally)}`)

      expect(refusedCancels).toEqual([])
      expect(liveAfterCancel(cancels, intents, ledger)).toEqual([])
      expect(emailsAfterCancel(cancels, emails)).toEqual([])
      expect(notBoughtExactly(await orderLines(container, orders), cancels, intents, ledger)).toEqual([])
      expect(misclaimed(intents, ledger)).toEqual([])
      expect(lostEsims(ledger, intents, profiles)).toEqual([])
      expect(cancels.length).toBeGreaterThan(0)
    })
  },
})
