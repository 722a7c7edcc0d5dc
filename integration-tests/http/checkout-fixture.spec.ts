import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import {
  checkoutEsimCart,
  createCustomer,
  DEFAULT_PACKAGE_CODES,
  ESIM_PROVIDER_ID,
  MANUAL_PROVIDER_ID,
  PACKAGE_CODE_KEY,
  seedEsimStore,
  SeededEsimStore,
  UNKNOWN_PACKAGE_CODE,
  waitForOrderPlaced,
} from "../fixtures/esim-store"
import { useSandbox } from "../helpers/sandbox-env"

jest.setTimeout(120 * 1000)

const sandbox = useSandbox()

const ORDER_FIELDS = [
  "id",
  "email",
  "customer_id",
  "items.*",
  "items.variant_id",
  "items.variant.metadata",
  "items.requires_shipping",
  "shipping_methods.shipping_option_id",
  "shipping_methods.shipping_option.provider_id",
]

type StoredOrder = {
  id: string
  email: string
  customer_id: string | null
  items: { quantity: number; variant_id: string; variant: { metadata: Record<string, unknown> | null } }[]
  shipping_methods: { shipping_option_id: string; shipping_option: { provider_id: string } }[]
}

async function loadOrder(container: MedusaContainer, id: string): Promise<StoredOrder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id } })
  return data[0] as unknown as StoredOrder
}

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ api, getContainer }) => {
    let seed: SeededEsimStore

    beforeEach(async () => {
      // 15 USD keeps EU-5GB-30D (cost 9.87) above the default 10 % margin floor the checkout guard enforces.
      seed = await seedEsimStore(getContainer(), { withUnknownPackage: true, esimPrice: 15 })
    })

    it("seeds one eSIM variant per catalogue code, plus one code the catalogue lacks", () => {
      const catalogue = sandbox
        .current()
        .packages()
        .map((pkg) => pkg.package_code)
      expect(catalogue).toEqual(expect.arrayContaining(DEFAULT_PACKAGE_CODES))
      expect(catalogue).not.toContain(UNKNOWN_PACKAGE_CODE)
      const seeded = Object.entries(seed.esimProducts).map(([code, { variant }]) => [code, variant.metadata])
      expect(seeded).toEqual(
        [...DEFAULT_PACKAGE_CODES, UNKNOWN_PACKAGE_CODE].map((code) => [code, { [PACKAGE_CODE_KEY]: code }])
      )
    })

    it("checks out a guest cart of one eSIM variant with the esimfly shipping option", async () => {
      const { variant } = seed.esimProducts["TR1GB7D"]
      const placed = waitForOrderPlaced(getContainer())

      const { order } = await checkoutEsimCart(api, seed, {
        email: "guest@esim.test",
        lines: [{ variantId: variant.id, quantity: 2 }],
      })
      await placed

      const stored = await loadOrder(getContainer(), order.id)
      expect(stored).toEqual(expect.objectContaining({ email: "guest@esim.test", customer_id: expect.any(String) }))
      expect(stored.items).toEqual([
        expect.objectContaining({
          quantity: 2,
          variant_id: variant.id,
          variant: expect.objectContaining({ metadata: { [PACKAGE_CODE_KEY]: "TR1GB7D" } }),
        }),
      ])
      expect(stored.shipping_methods).toEqual([
        expect.objectContaining({
          shipping_option_id: seed.esimShippingOption.id,
          shipping_option: expect.objectContaining({ provider_id: ESIM_PROVIDER_ID }),
        }),
      ])
    })

    it("checks out a logged-in customer's mixed cart and the order belongs to that customer", async () => {
      const { customer, headers } = await createCustomer(getContainer(), seed)
      const { variant } = seed.esimProducts["EU-5GB-30D"]

      const { order } = await checkoutEsimCart(api, seed, {
        customerHeaders: headers,
        lines: [{ variantId: variant.id, quantity: 1 }],
        withPhysical: true,
      })

      const stored = await loadOrder(getContainer(), order.id)
      expect(stored.customer_id).toBe(customer.id)
      expect(stored.email).toBe(customer.email)
      expect(stored.items.map((item) => item.variant_id).sort()).toEqual([variant.id, seed.physicalVariant.id].sort())
      const providers = stored.shipping_methods.map((method) => method.shipping_option.provider_id)
      expect(providers.sort()).toEqual([ESIM_PROVIDER_ID, MANUAL_PROVIDER_ID].sort())
    })
  },
})
