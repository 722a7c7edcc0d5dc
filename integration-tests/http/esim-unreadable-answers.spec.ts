import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import EsimModuleService from "../../src/modules/esim/service"
import { adminHeaders, createAdminToken, placeEsimOrder, seedEsimStore } from "../fixtures/esim-store"
import { startManglingProxy } from "../helpers/mangling-proxy"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()
let proxy: Awaited<ReturnType<typeof startManglingProxy>>

// Registered after useSandbox and before the app boots: the plugin talks to esimfly through the proxy.
beforeAll(async () => {
  proxy = await startManglingProxy(process.env.ESIMFLY_BASE_URL ?? "")
  process.env.ESIMFLY_BASE_URL = proxy.url
})
afterAll(() => proxy?.close())

const isCreateOrder = (method: string, path: string) => method === "POST" && path.endsWith("/esims/order")

const MANGLES: [string, (body: string) => string][] = [
  ["truncated JSON", (body) => body.slice(0, Math.floor(body.length / 2))],
  ["eSIMs of the wrong type", (body) => JSON.stringify({ ...JSON.parse(body), esims: "8932042000010078801" })],
  ["an HTML error page with status 200", () => "<html><body>upstream error</body></html>"],
  ["an ICCID that is not 18 to 22 digits", (body) => body.replace(/"iccid":"\d+"/g, '"iccid":"<b>1</b>"')],
]

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    beforeEach(() => {
      sandbox.current().reset()
      proxy.setMangler(null)
    })

    it.each(MANGLES)(
      "a create-order answered with %s leaves a visible unsettled purchase, then adopts the order",
      async (_name, mangle) => {
        const container = getContainer()
        const seed = await seedEsimStore(container)
        proxy.setMangler((method, path, body) => (isCreateOrder(method, path) ? mangle(body) : null))
        const order = await placeEsimOrder(api, container, seed, [{ code: "TR1GB7D", quantity: 2 }])
        proxy.setMangler(null)

        const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
        const [esimOrder] = await esim.listEsimOrders({ order_id: order.id })
        expect(esimOrder).toMatchObject({ status: "needs_attention", error_code: "ORDER_OUTCOME_UNKNOWN" })
        expect(esimOrder.error_message).toEqual(expect.any(String))
        expect(sandbox.current().ledger().orders).toHaveLength(1)

        const headers = adminHeaders(await createAdminToken(container))
        const retried = await api.post(`/admin/esim-orders/${esimOrder.id}/retry`, {}, headers)
        expect(retried.data.esim_order).toMatchObject({
          status: "completed",
          esimfly_order_reference: sandbox.current().ledger().orders[0].orderReference,
        })
        expect(sandbox.current().ledger().orders).toHaveLength(1)
        expect(await esim.listEsimProfiles({ order_id: order.id })).toHaveLength(2)
      }
    )
  },
})
