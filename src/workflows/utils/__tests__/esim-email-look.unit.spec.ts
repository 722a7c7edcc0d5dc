import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../modules/esim"
import { esimEmailLook } from "../esim-email-look"

type Order = { locale?: string | null; metadata?: object | null; customer?: { metadata?: object | null } | null }

/** A container whose order read answers `order` (or throws) and whose store is named `store`. */
function containerWith(order: Order | Error, store: string | null, options: object = {}): MedusaContainer {
  const services: Record<string, unknown> = {
    [ESIM_MODULE]: { getOptions: () => ({ locale: "en", ...options }) },
    [ContainerRegistrationKeys.QUERY]: {
      graph: async () => {
        if (order instanceof Error) throw order
        return { data: [order] }
      },
    },
    [Modules.STORE]: { listStores: async () => (store === null ? [] : [{ name: store }]) },
  }
  return { resolve: (key: string) => services[key] } as unknown as MedusaContainer
}

describe("esimEmailLook", () => {
  it("takes the order's own locale first", async () => {
    const order = { locale: "ar-SA", metadata: { locale: "en" }, customer: { metadata: { locale: "en" } } }
    expect(await esimEmailLook(containerWith(order, "Shop"), "order_1")).toEqual({
      locale: "ar",
      store_name: "Shop",
      logo_url: null,
    })
  })

  it("then the order's metadata (the cart's, copied at checkout), then the customer's metadata", async () => {
    const fromCart = { locale: null, metadata: { locale: "ar" }, customer: { metadata: { locale: "en" } } }
    expect((await esimEmailLook(containerWith(fromCart, "Shop"), "o")).locale).toBe("ar")
    const fromCustomer = { locale: "fr", metadata: null, customer: { metadata: { locale: "ar" } } }
    expect((await esimEmailLook(containerWith(fromCustomer, "Shop"), "o")).locale).toBe("ar")
  })

  it("then the locale option, with the logoUrl option", async () => {
    const look = await esimEmailLook(
      containerWith({ locale: null }, null, { locale: "ar", logoUrl: "https://cdn.test/l.png" }),
      "o"
    )
    expect(look).toEqual({ locale: "ar", store_name: null, logo_url: "https://cdn.test/l.png" })
  })

  it("falls back to the option when the order cannot be read, so the email still goes", async () => {
    const look = await esimEmailLook(containerWith(new Error("db down"), "Shop", { locale: "ar" }), "o")
    expect(look).toMatchObject({ locale: "ar", store_name: "Shop" })
  })
})
