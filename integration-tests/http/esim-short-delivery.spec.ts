import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { ESIM_MODULE } from "../../src/modules/esim"
import { EsimOrderHistory } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { resolvePendingEsimsWorkflow } from "../../src/workflows/resolve-pending-esims"
import { adminHeaders, createAdminToken, placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { deliveryEmailsTo } from "../fixtures/notifications"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

process.env.ESIMFLY_CHECKOUT_GUARD = "false"
const sandbox = useSandbox()

const PACKAGE = "TR1GB7D"
const ledgerOrders = () => sandbox.current().ledger().orders
const createOrders = () =>
  sandbox
    .current()
    .ledger()
    .requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
const messagesOf = (esimOrder: { history: unknown }) =>
  (esimOrder.history as EsimOrderHistory).events.map((event) => event.message ?? "")

async function fulfillmentsOf(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["fulfillments.*", "fulfillments.items.*"],
    filters: { id: orderId },
  })
  return (data[0] as unknown as { fulfillments: { items: { quantity: number }[] }[] }).fulfillments
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer())
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    const retry = async (id: string) => {
      const headers = adminHeaders(await createAdminToken(getContainer()))
      return (await api.post(`/admin/esim-orders/${id}/retry`, {}, headers)).data.esim_order
    }

    it("an order of 3 answered with 2 eSIMs is neither fulfilled nor emailed as complete: the 2 are kept and polled, then flagged ESIMS_MISSING and emailed as 2 of 3", async () => {
      sandbox.current().faults.shortNext()
      const email = "short@esim.test"
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: PACKAGE, quantity: 3 }], { email })
      expect(ledgerOrders()[0]).toMatchObject({ quantity: 3, esims: [expect.anything(), expect.anything()] })

      const [bought] = await esim.listEsimOrders({ order_id: order.id })
      expect(bought).toMatchObject({
        status: "pending_details",
        esimfly_order_reference: ledgerOrders()[0].orderReference,
        completed_at: null,
      })
      expect(messagesOf(bought)).toContain(
        "esimfly answered with 2 of 3 eSIMs (1 missing); the 2 are kept and the order is polled for the rest"
      )
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(2)
      expect(await fulfillmentsOf(getContainer(), order.id)).toEqual([])
      expect(await deliveryEmailsTo(getContainer(), email)).toEqual([])

      // The status poll still shows 2 of 3: esimfly's final word, so an admin is asked; nothing is ordered again.
      await resolvePendingEsimsWorkflow(getContainer()).run({
        input: { now: new Date(bought.next_poll_at as Date).toISOString() },
      })
      const flagged = await esim.retrieveEsimOrder(bought.id)
      expect(flagged).toMatchObject({
        status: "needs_attention",
        error_code: "ESIMS_MISSING",
        error_message: "esimfly delivered 2 of 3 eSIMs (1 missing); look the order up at esimfly",
      })
      expect(createOrders()).toHaveLength(1)
      expect(await fulfillmentsOf(getContainer(), order.id)).toEqual([])
      const emails = await deliveryEmailsTo(getContainer(), email)
      expect(emails).toHaveLength(1)
      expect(emails[0].data).toMatchObject({ ordered_esim_count: 3, esims: [expect.anything(), expect.anything()] })

      // A retry looks the order up again: still short, so it is polled again, never completed.
      expect(await retry(bought.id)).toMatchObject({ status: "pending_details" })
      expect(createOrders()).toHaveLength(1)
      expect(await fulfillmentsOf(getContainer(), order.id)).toEqual([])
    })

    it("a lost answer of an order of 3 holding 2 is not adopted as complete: asked by key, the replayed 2 of 3 stay pending_details", async () => {
      sandbox.current().faults.shortNext()
      sandbox.current().faults.dropReplyNext({ path: "/esims/order", method: "POST" })
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: PACKAGE, quantity: 3 }])
      const [lost] = await esim.listEsimOrders({ order_id: order.id })
      expect(lost).toMatchObject({ status: "needs_attention", error_code: "ORDER_OUTCOME_UNKNOWN" })

      const settled = await retry(lost.id)
      expect(settled).toMatchObject({
        status: "pending_details",
        esimfly_order_reference: ledgerOrders()[0].orderReference,
      })
      expect(ledgerOrders()).toHaveLength(1)
      const esimOrder = await esim.retrieveEsimOrder(lost.id)
      expect(messagesOf(esimOrder).some((m) => m.includes("has 2 eSIM(s), this purchase is for 3"))).toBe(true)
      expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(2)
      expect(await fulfillmentsOf(getContainer(), order.id)).toEqual([])
    })
  },
})
