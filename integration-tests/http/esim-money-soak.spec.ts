import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { HttpTypes, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ChaosConfig } from "../../sandbox"
import { seededRandom } from "../../sandbox/chaos"
import { EsimflyClient } from "../../src/lib/esimfly"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { purchaseEsimsWorkflow } from "../../src/workflows/purchase-esims"
import {
  emailsAfterCancel,
  liveAfterCancel,
  misclaimed,
  notBoughtExactly,
  SoakCancel,
} from "../fixtures/esim-cancel-checks"
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
import { request } from "../fixtures/http-client"
import { useSandbox } from "../helpers/sandbox-env"

// QR codes are a stub here: they cost ~0.5 s each under jest (see helpers/qr-stub.ts).
jest.mock("qrcode", () => jest.requireActual("../helpers/qr-stub"))

jest.setTimeout(10 * 60 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
// Runs race with a lock that lapses after a second.
process.env.ESIMFLY_ORDER_LOCK_TTL_S = "1"
process.env.ESIMFLY_ORDER_LOCK_WAIT_S = "5"
const sandbox = useSandbox()

/** ESIMFLY_SOAK_SEED picks another reproducible run. */
const SEED = Number(process.env.ESIMFLY_SOAK_SEED) || 7
const ORDERS = 30
/** Admins' unpaid draft orders with eSIM lines, never converted. */
const DRAFTS = 4
/** Orders another buyer of the same esimfly account makes (its dashboard, another store). */
const FOREIGN = 4
const CODES = ["TR1GB7D", "EU-5GB-30D", "TR-1GB-7D-SLOW"]
const CHAOS: ChaosConfig = { rate: 0.15, seed: SEED, kinds: ["latency", "5xx", "429", "drop"], maxLatencyMs: 300 }
/**
 * Where an admin's cancel lands: never, right after checkout (before the purchase starts),
 * while a create-order is on its way, after order.placed, or mid-settling.
 */
const STAGES = ["none", "none", "checkout", "purchasing", "placed", "settling"] as const
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
      const statuses = (await esim.listEsimOrders({ order_id: orderId })).map((esimOrder) => esimOrder.status)
      for (let attempt = 0; attempt < 5; attempt++) {
        const accepted = await api.post(`/admin/orders/${orderId}/cancel`, {}, admin).then(
          () => true,
          () => false
        )
        if (accepted) {
          cancels.push({ order_id: orderId, at: new Date() })
          cancelStages.push(
            ...statuses.map((s) => s || "none yet"),
            ...(statuses.length ? [] : ["before any eSIM order"])
          )
          return
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
      refusedCancels.push(orderId)
    }

    /** Polls until `check` holds or `ms` passed; the soak goes on either way. */
    async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
      const end = Date.now() + ms
      while (Date.now() < end && !(await check())) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
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
        const lines = planned.lines.map((line) => ({
          variantId: seed.esimProducts[line.code].variant.id,
          quantity: line.quantity,
        }))
        const { order } = await checkoutEsimCart(api, seed, { email: `money-${index}@esim.test`, lines })
        if (planned.race) {
          races.push(purchaseEsimsWorkflow(container).run({ input: { order_id: order.id }, throwOnError: false }))
        }
        if (planned.stage === "purchasing") {
          await until(
            async () => (await esim.listEsimOrders({ order_id: order.id })).some((i) => i.status === "purchasing"),
            5000
          )
        }
        if (planned.stage === "checkout" || planned.stage === "purchasing") {
          await cancel(order.id)
        }
        return order.id
      })
      await placed
      return orders
    }

    async function createDrafts(): Promise<string[]> {
      const ids: string[] = []
      for (let index = 0; index < DRAFTS; index++) {
        const items = [{ variant_id: seed.esimProducts[CODES[index % CODES.length]].variant.id, quantity: 1 + index }]
        const body = {
          email: `draft-${index}@esim.test`,
          region_id: seed.region.id,
          sales_channel_id: seed.salesChannel.id,
          items,
        }
        const { draft_order } = await request<HttpTypes.AdminDraftOrderResponse>("create draft order", () =>
          api.post("/admin/draft-orders", body, admin)
        )
        ids.push(draft_order.id)
      }
      return ids
    }

    /** Signed create-orders with keys of their own, of the soak's packages, while the store buys the same. */
    async function buyForeignOrders(): Promise<void> {
      const { accessCode, secretKey } = sandbox.current()
      const client = new EsimflyClient({
        accessCode,
        secretKey,
        baseUrl: process.env.ESIMFLY_BASE_URL ?? "",
        maxRetries: 0,
      })
      for (let index = 0; index < FOREIGN; index++) {
        const order = {
          packageCode: CODES[index % CODES.length],
          quantity: 1 + (index % 3),
          idempotencyKey: `dashboard-${SEED}-${index}`,
        }
        await client.createOrder(order).catch(() => undefined)
      }
    }

    async function settle(rounds: number, clockStart: number, afterFirst?: () => Promise<void>): Promise<void> {
      for (let round = 1; round <= rounds; round++) {
        const now = new Date(Date.now() + (clockStart + round) * ROUND_CLOCK_MS)
        await settleRound(container, now)
        await catchUpEsimOrdersWorkflow(container).run({ input: { now: now.toISOString() } })
        if (round === 1 && afterFirst) {
          await afterFirst()
        }
      }
    }

    it("under faults, racing runs, drafts, foreign orders and cancels at every stage: canceled orders keep nothing live and get no email, placed ones are bought exactly once, no esimfly order is claimed twice or by a stranger", async () => {
      const plans = plan()
      const races: Promise<unknown>[] = []
      sandbox.current().faults.setChaos(CHAOS)
      // A slow esimfly keeps create-orders on their way long enough for cancels to land mid-call.
      sandbox.current().faults.setLatency(200)
      const drafts = await createDrafts()
      const [orders] = await Promise.all([placeAll(plans, races), buyForeignOrders()])
      await Promise.all(races)
      const at = (stage: Stage) => orders.filter((_, index) => plans[index].stage === stage)
      for (const orderId of at("placed")) await cancel(orderId)
      await settle(5, 0, async () => {
        for (const orderId of at("settling")) await cancel(orderId)
      })
      const chaos = sandbox.current().faults.snapshot().chaos
      sandbox.current().faults.setChaos(null)
      sandbox.current().faults.setLatency(0)
      await settle(5, 5)

      const esimOrders = await esim.listEsimOrders({ order_id: orders }, { take: null })
      const draftEsimOrders = await esim.listEsimOrders({ order_id: drafts }, { take: null })
      const fullLedger = sandbox.current().ledger().orders
      const ledger = fullLedger.filter((order) => !order.idempotencyKey?.startsWith("dashboard-"))
      const profiles = await esim.listEsimProfiles({ order_id: orders }, { take: null })
      const notifications = await container
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ template: "esim-delivered" }, { take: null })
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
        esim_orders_at_cancel: countBy(cancelStages),
        racing_runs: races.length,
        drafts: drafts.length,
        draft_esim_orders: draftEsimOrders.length,
        foreign_orders: fullLedger.length - ledger.length,
        batches: esimOrders.length,
        esim_orders_final: countBy(
          esimOrders.map(
            (esimOrder) =>
              `${canceledIds.has(esimOrder.order_id) ? "canceled order" : "placed order"}: ${esimOrder.status}`
          )
        ),
        ledger_orders: countBy(ledger.map((order) => order.status)),
        chaos: chaos?.hits ?? null,
      }
      console.log(`money soak: ${JSON.stringify(tally)}`)

      expect(refusedCancels).toEqual([])
      expect(liveAfterCancel(cancels, esimOrders, ledger)).toEqual([])
      expect(emailsAfterCancel(cancels, emails)).toEqual([])
      expect(notBoughtExactly(await orderLines(container, orders), cancels, esimOrders, ledger)).toEqual([])
      expect(misclaimed(esimOrders, fullLedger)).toEqual([])
      expect(draftEsimOrders).toEqual([])
      expect(ledger.filter((order) => drafts.some((id) => order.idempotencyKey?.startsWith(`${id}:`)))).toEqual([])
      expect(lostEsims(ledger, esimOrders, profiles)).toEqual([])
      expect(cancels.length).toBeGreaterThan(0)
    })
  },
})
