import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../src/modules/esim"
import { PACKAGE_CODE_METADATA_KEY } from "../../src/modules/esim/purchase"
import EsimModuleService from "../../src/modules/esim/service"
import { catchUpEsimOrdersWorkflow } from "../../src/workflows/catch-up-esim-orders"
import { placeEsimOrder, seedEsimStore, SeededEsimStore } from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

const BOUGHT = "TR1GB7D"
const REMAPPED = "EU-5GB-30D"
const later = () => new Date(Date.now() + 5 * 60 * 1000).toISOString()

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore
    let esim: EsimModuleService

    beforeEach(async () => {
      sandbox.current().reset()
      seed = await seedEsimStore(getContainer(), { packageCodes: [BOUGHT, REMAPPED] })
      esim = getContainer().resolve<EsimModuleService>(ESIM_MODULE)
    })

    /** Checks an order out, then forgets its purchase, as if its order.placed had been lost. */
    async function orderWithLostEvent() {
      const order = await placeEsimOrder(api, getContainer(), seed, [{ code: BOUGHT, quantity: 1 }])
      const esimOrders = await esim.listEsimOrders({ order_id: order.id })
      await esim.softDeleteEsimProfiles((await esim.listEsimProfiles({ order_id: order.id })).map((p) => p.id))
      await esim.softDeleteEsimOrders(esimOrders.map((esimOrder) => esimOrder.id))
      return order
    }

    const catchUp = () => catchUpEsimOrdersWorkflow(getContainer()).run({ input: { now: later() } })

    it("buys the package recorded at checkout when the variant was remapped before the purchase ran", async () => {
      const order = await orderWithLostEvent()
      const variant = seed.esimProducts[BOUGHT].variant
      await getContainer()
        .resolve(Modules.PRODUCT)
        .updateProductVariants(variant.id, { metadata: { [PACKAGE_CODE_METADATA_KEY]: REMAPPED } })

      await catchUp()

      const esimOrders = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrders.map((esimOrder) => esimOrder.package_code)).toEqual([BOUGHT])
    })

    it("buys the package recorded at checkout when the variant was deleted before the purchase ran", async () => {
      const order = await orderWithLostEvent()
      await getContainer().resolve(Modules.PRODUCT).softDeleteProductVariants([seed.esimProducts[BOUGHT].variant.id])

      await catchUp()

      const esimOrders = await esim.listEsimOrders({ order_id: order.id })
      expect(esimOrders.map((esimOrder) => esimOrder.package_code)).toEqual([BOUGHT])
      expect(esimOrders[0].status).toBe("completed")
    })
  },
})
