import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import type { ChaosConfig, ChaosSnapshot } from "../../sandbox"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { checkoutEsimCart, seedEsimStore, SeededEsimStore, waitForOrderPlaced } from "../fixtures/esim-store"
import { esimFulfillments, inPool, orderLines, settleRound, soakOrders, SoakLine } from "../fixtures/esim-soak"
import {
  batchProblems,
  countBy,
  deliveredOrders,
  fullyEmailed,
  ledgerByKey,
  lostEsims,
  settleDecisions,
  uncoveredLines,
  unexplainedEsimOrders,
} from "../fixtures/esim-soak-checks"
import { useSandbox } from "../helpers/sandbox-env"

// QR codes are a stub here: they cost ~0.5 s each under jest (see helpers/qr-stub.ts).
jest.mock("qrcode", () => jest.requireActual("../helpers/qr-stub"))

jest.setTimeout(6 * 60 * 1000)

// The checkout guard (balance and margin) is not under test here.
process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const CHAOS: ChaosConfig = { rate: 0.2, seed: 42, kinds: ["latency", "5xx", "429", "drop"], maxLatencyMs: 300 }
const ORDERS = 50
/** Two packages that deliver at once and one that answers pending_details first (three polls). */
const CODES = ["TR1GB7D", "EU-5GB-30D", "TR-1GB-7D-SLOW"]
const CHAOS_ROUNDS = 6
const CALM_ROUNDS = 5
/** Each round moves the pending job's clock on, so pending orders come due; 11 rounds stay under their 10-minute limit. */
const ROUND_CLOCK_MS = 30 * 1000

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let esim: EsimModuleService
    let seed: SeededEsimStore
    const work = { rounds: 0, pending_polled: 0, reconciled: 0, retried: 0 }

    const esimOrdersOf = (orderIds: string[]) => esim.listEsimOrders({ order_id: orderIds }, { take: null })

    beforeEach(async () => {
      container = getContainer()
      esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      sandbox.current().reset()
      sandbox.current().setBalance(100_000)
      seed = await seedEsimStore(container, { packageCodes: CODES })
    })

    /** Every order goes through the store API checkout, three shoppers at a time; order.placed buys each. */
    async function placeAll(plans: SoakLine[][]): Promise<string[]> {
      const placed = waitForOrderPlaced(container, { timeout: 4 * 60 * 1000, triggerCount: plans.length })
      const orders = await inPool(plans, 3, async (lines, index) => {
        const variants = lines.map((line) => ({
          variantId: seed.esimProducts[line.code].variant.id,
          quantity: line.quantity,
        }))
        const { order } = await checkoutEsimCart(api, seed, { email: `soak-${index}@esim.test`, lines: variants })
        return order.id
      })
      await placed
      return orders
    }

    /**
     * What production runs by itself (the pending job, reconciliation) and what an admin would
     * click (Retry on a purchase refused by an outage or a 429), until every eSIM order is completed.
     */
    async function settle(orderIds: string[], rounds: number, clockStart: number): Promise<number> {
      for (let round = 1; round <= rounds; round++) {
        if ((await esimOrdersOf(orderIds)).every((esimOrder) => esimOrder.status === "completed")) return round - 1
        const report = await settleRound(container, new Date(Date.now() + (clockStart + round) * ROUND_CLOCK_MS))
        expect(report.retry_errors).toEqual([])
        work.rounds++
        work.pending_polled += report.pending_polled
        work.reconciled += report.reconciled
        work.retried += report.retried
      }
      return rounds
    }

    function expectChaosHitAFifth(chaos: ChaosSnapshot | null): asserts chaos is ChaosSnapshot {
      expect(chaos).not.toBeNull()
      const hits = Object.values(chaos!.hits).reduce((sum, count) => sum + count, 0)
      expect(hits / chaos!.calls).toBeGreaterThan(0.12)
      expect(hits / chaos!.calls).toBeLessThan(0.28)
      for (const kind of CHAOS.kinds ?? []) expect(chaos!.hits[kind]).toBeGreaterThan(0)
    }

    it("delivers 50 orders under 20 % faults, buying each batch exactly once and losing no eSIM", async () => {
      const plans = soakOrders(2026, ORDERS, CODES)
      sandbox.current().faults.setChaos(CHAOS)
      const orders = await placeAll(plans)
      const afterPurchase = await esimOrdersOf(orders)
      const chaosRounds = await settle(orders, CHAOS_ROUNDS, 0)
      const chaos = sandbox.current().faults.snapshot().chaos
      sandbox.current().faults.setChaos(null)
      const calmRounds = await settle(orders, CALM_ROUNDS, CHAOS_ROUNDS)

      const esimOrders = await esimOrdersOf(orders)
      const ledger = sandbox.current().ledger().orders
      const profiles = await esim.listEsimProfiles({ order_id: orders }, { take: null })
      const deliveries = await esim.listEsimDeliveries({ order_id: orders }, { take: null })
      const delivered = deliveredOrders(await esimFulfillments(container, orders), esimOrders)
      const emailed = fullyEmailed(deliveries, profiles)
      const tally = {
        orders: orders.length,
        esims_ordered: plans.flat().reduce((sum, line) => sum + line.quantity, 0),
        delivered_orders: delivered.length,
        orders_emailed_in_full: emailed.length,
        esim_orders_after_purchase: countBy(afterPurchase.map((esimOrder) => esimOrder.status)),
        esim_orders_final: countBy(esimOrders.map((esimOrder) => esimOrder.status)),
        batches: esimOrders.length,
        ledger_orders: ledger.length,
        ledger_keys: ledgerByKey(ledger).size,
        ledger_esims: ledger.reduce((sum, order) => sum + order.esims.length, 0),
        stored_esims: profiles.length,
        settle_decisions: settleDecisions(esimOrders),
        chaos: chaos && { calls: chaos.calls, hits: chaos.hits },
        rounds: { chaos: chaosRounds, calm: calmRounds },
        work,
      }
      console.log(`faults soak: ${JSON.stringify(tally)}`)

      expectChaosHitAFifth(chaos)
      expect(unexplainedEsimOrders(esimOrders)).toEqual([])
      expect(uncoveredLines(await orderLines(container, orders), esimOrders)).toEqual([])
      expect(batchProblems(ledger, esimOrders)).toEqual([])
      expect(lostEsims(ledger, esimOrders, profiles)).toEqual([])
      expect(profiles).toHaveLength(tally.ledger_esims)
      // With chaos off, reconciliation and one retry of each refused purchase settle everything:
      // every batch bought once, every order fulfilled, delivered and emailed with all its eSIMs.
      expect(
        esimOrders
          .filter((esimOrder) => esimOrder.status !== "completed")
          .map((i) => `${i.id} ${i.status} ${i.error_code}`)
      ).toEqual([])
      expect(ledger).toHaveLength(esimOrders.length)
      expect(profiles).toHaveLength(tally.esims_ordered)
      expect(delivered).toHaveLength(ORDERS)
      expect(emailed).toHaveLength(ORDERS)
    })
  },
})
