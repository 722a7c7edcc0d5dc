import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, createMedusaContainer } from "@medusajs/framework/utils"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../src/modules/esim"
import { pollDelayMs } from "../../src/modules/esim/options"
import EsimModuleService from "../../src/modules/esim/service"
import { resolvePendingEsimsWorkflow } from "../../src/workflows/resolve-pending-esims"
import { placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { deliveryEmailsTo } from "../fixtures/notifications"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

// The scheduled job must not poll behind the tests' back: they move the clock themselves.
// The job module reads this when the app loads it, so it is imported lazily (below), not
// statically: a static import is hoisted above this line and would cache the 15 s default.
process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS = "3600000"
const loadJob = () => import("../../src/jobs/resolve-pending-esims")

const sandbox = useSandbox()

const SLOW = "TR-1GB-7D-SLOW"
const NEVER = "EU-3GB-30D-SLOW"
const INSTANT = "TR1GB7D"
const MINUTE = 60 * 1000

const calls = (method: string) =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === method && r.path.endsWith("/esims/order"))

async function fulfillmentsOf(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["fulfillments.*", "fulfillments.items.*"],
    filters: { id: orderId },
  })
  return (
    data[0] as unknown as { fulfillments: { provider_id: string; delivered_at: string | null; items: unknown[] }[] }
  ).fulfillments
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: [SLOW, NEVER, INSTANT] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const placeOrder = (codes: string[], email: string) =>
      placeEsimOrder(
        api,
        getContainer(),
        seed,
        codes.map((code) => ({ code, quantity: 1 })),
        { email }
      )

    const esimOrderOf = async (orderId: string, code: string) => {
      const esimOrders = await esim.listEsimOrders({ order_id: orderId, package_code: code })
      return esimOrders[0]
    }

    const resolveAt = (now: Date | string) =>
      resolvePendingEsimsWorkflow(getContainer()).run({ input: { now: new Date(now).toISOString() } })

    it("stores, fulfils and emails a pending eSIM once esimfly delivers it, without ordering it again", async () => {
      const order = await placeOrder([SLOW], "slow@esim.test")
      const pending = await esimOrderOf(order.id, SLOW)
      expect(pending).toMatchObject({
        status: "pending_details",
        esimfly_order_reference: expect.any(String),
        poll_count: 0,
      })
      expect(pending.next_poll_at).toBeTruthy()
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(0)
      expect(await fulfillmentsOf(getContainer(), order.id)).toHaveLength(0)

      // The job on the real clock: nothing is due before next_poll_at.
      await (await loadJob()).default(getContainer())
      expect(calls("GET")).toHaveLength(0)

      const runs: Awaited<ReturnType<typeof resolveAt>>["result"][] = []
      for (let poll = 1; poll <= 3; poll++) {
        const esimOrder = await esimOrderOf(order.id, SLOW)
        runs.push((await resolveAt(esimOrder.next_poll_at as Date)).result)
      }
      expect(runs.map((run) => run.resolved.outcomes.map((o) => o.status))).toEqual([
        ["pending_details"],
        ["pending_details"],
        ["completed"],
      ])
      expect(runs[2].resolved.order_ids).toEqual([order.id])
      expect(runs[2].delivered).toEqual({ delivered: [order.id], failed: [] })

      const done = await esimOrderOf(order.id, SLOW)
      expect(done).toMatchObject({ status: "completed", poll_count: 3, next_poll_at: null, error_message: null })
      expect(done.completed_at).toBeTruthy()
      const profiles = await esim.listEsimProfiles({ order_id: order.id })
      expect(profiles).toHaveLength(1)
      expect(profiles[0]).toMatchObject({ esim_order_id: done.id, lpa: expect.stringMatching(/^LPA:1\$/) })
      const fulfillments = await fulfillmentsOf(getContainer(), order.id)
      expect(fulfillments).toHaveLength(1)
      expect(fulfillments[0]).toMatchObject({ provider_id: "esimfly_esimfly", delivered_at: expect.anything() })
      expect(await deliveryEmailsTo(getContainer(), "slow@esim.test")).toHaveLength(1)

      // Later ticks find nothing to do and change nothing.
      await resolveAt(new Date(Date.now() + 60 * MINUTE))
      expect(await fulfillmentsOf(getContainer(), order.id)).toHaveLength(1)
      expect(await deliveryEmailsTo(getContainer(), "slow@esim.test")).toHaveLength(1)
      expect(calls("POST")).toHaveLength(1)
      expect(calls("GET")).toHaveLength(3)
    })

    it("backs off between polls and records a failed status check without touching the purchase", async () => {
      const order = await placeOrder([SLOW], "backoff@esim.test")
      const options = esim.getOptions()
      const first = await esimOrderOf(order.id, SLOW)
      const firstAt = new Date(first.next_poll_at as Date)
      await resolveAt(firstAt)
      const second = await esimOrderOf(order.id, SLOW)
      expect(second).toMatchObject({ status: "pending_details", poll_count: 1 })
      expect(new Date(second.next_poll_at as Date).getTime()).toBe(firstAt.getTime() + pollDelayMs(options, 1))

      // Before it is due, the eSIM order is left alone.
      await resolveAt(new Date(new Date(second.next_poll_at as Date).getTime() - 1))
      expect(calls("GET")).toHaveLength(1)

      sandbox
        .current()
        .faults.failNext({ status: 500, path: "/esims/order", method: "GET", count: options.maxRetries + 1 })
      const secondAt = new Date(second.next_poll_at as Date)
      await resolveAt(secondAt)
      const third = await esimOrderOf(order.id, SLOW)
      expect(third).toMatchObject({
        status: "pending_details",
        poll_count: 2,
        esimfly_order_reference: first.esimfly_order_reference,
      })
      expect(third.error_message).toMatch(/^status check failed/)
      expect(new Date(third.next_poll_at as Date).getTime()).toBe(secondAt.getTime() + pollDelayMs(options, 2))
      const events = (third.history as { events: { type: string }[] }).events.map((event) => event.type)
      expect(events.filter((type) => type === "poll_failed")).toHaveLength(1)
      expect(events.filter((type) => type === "pending_poll")).toHaveLength(1)
      expect(calls("POST")).toHaveLength(1)
    })

    it("flags an eSIM still pending after the max age, never re-orders it, and delivers the rest of the order", async () => {
      sandbox.current().faults.stayPending(NEVER)
      const order = await placeOrder([NEVER, INSTANT], "never@esim.test")
      expect(await esimOrderOf(order.id, INSTANT)).toMatchObject({
        status: "completed",
        fulfillment_id: expect.any(String),
      })
      const pending = await esimOrderOf(order.id, NEVER)
      expect(pending.status).toBe("pending_details")
      expect(await deliveryEmailsTo(getContainer(), "never@esim.test")).toHaveLength(0)

      await resolveAt(pending.next_poll_at as Date)
      expect(await esimOrderOf(order.id, NEVER)).toMatchObject({ status: "pending_details", poll_count: 1 })

      const { result } = await resolveAt(new Date(new Date(pending.pending_since as Date).getTime() + 11 * MINUTE))
      expect(result.resolved.order_ids).toEqual([order.id])
      const flagged = await esimOrderOf(order.id, NEVER)
      expect(flagged).toMatchObject({ status: "needs_attention", error_code: "PENDING_TIMEOUT", next_poll_at: null })
      expect(flagged.error_message).toContain("esimfly has not delivered the eSIM details after 10 minutes")
      expect((flagged.history as { events: { code?: string }[] }).events.at(-1)).toMatchObject({
        code: "PENDING_TIMEOUT",
      })

      await resolveAt(new Date(Date.now() + 60 * MINUTE))
      expect(calls("POST")).toHaveLength(2)
      expect(
        sandbox
          .current()
          .ledger()
          .orders.map((o) => o.packageCode)
          .sort()
      ).toEqual([NEVER, INSTANT].sort())
      expect(calls("GET")).toHaveLength(1)
      expect(await fulfillmentsOf(getContainer(), order.id)).toHaveLength(1)
      expect(await deliveryEmailsTo(getContainer(), "never@esim.test")).toHaveLength(1)
    })

    it("runs as the esimfly-resolve-pending job with the tick from the environment, and skips without the esim module", async () => {
      const job = await loadJob()
      await expect(job.default(createMedusaContainer())).resolves.toBeUndefined()
      expect(job.config).toEqual({ name: "esimfly-resolve-pending", schedule: { interval: 3600000 } })
      expect(WorkflowManager.getWorkflow("job-esimfly-resolve-pending").options.schedule).toEqual({ interval: 3600000 })
    })
  },
})
