import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../modules/esim"
import { loadEsimPageConfig } from "../page-context"

type Graph = { entity: string; filters: { id: string } }

const ORDER = {
  id: "order_1",
  sales_channel_id: "sc_1",
  region_id: "reg_1",
  currency_code: "eur",
  locale: null as string | null,
  metadata: null as Record<string, unknown> | null,
}

const key = (token: string, created_at: string, extra: object = {}) => ({
  token,
  type: "publishable",
  revoked_at: null,
  created_at,
  ...extra,
})

function scopeWith(order: typeof ORDER | undefined, keys: object[], options: Record<string, unknown> = {}) {
  const calls: Graph[] = []
  const graph = async (input: Graph) => {
    calls.push(input)
    if (input.entity === "order") return { data: order && input.filters.id === order.id ? [order] : [] }
    if (input.entity === "store") return { data: [{ id: "store_1", name: "Travel Shop" }] }
    return { data: [{ id: input.filters.id, publishable_api_keys: keys }] }
  }
  const services: Record<string, unknown> = {
    [ContainerRegistrationKeys.QUERY]: { graph },
    [ESIM_MODULE]: { getOptions: () => options },
  }
  return { scope: { resolve: (name: string) => services[name] } as unknown as MedusaContainer, calls }
}

describe("what the hosted page embeds for an order", () => {
  it("embeds the oldest live publishable key of the order's sales channel, skipping revoked and secret keys", async () => {
    const keys = [
      key("pk_revoked", "2026-01-01", { revoked_at: "2026-02-01" }),
      key("sk_secret", "2026-01-01", { type: "secret" }),
      key("pk_newer", "2026-03-01"),
      key("pk_oldest_live", "2026-02-01"),
    ]
    const { scope, calls } = scopeWith(ORDER, keys, { checkoutUrl: "https://shop.example/c/{cart_id}" })
    expect(await loadEsimPageConfig(scope, "order_1", undefined)).toEqual({
      order_id: "order_1",
      found: true,
      publishable_key: "pk_oldest_live",
      locale: "en",
      currency_code: "eur",
      region_id: "reg_1",
      sales_channel_id: "sc_1",
      checkout_url: "https://shop.example/c/{cart_id}",
      store_name: "Travel Shop",
    })
    expect(calls.find((c) => c.entity === "sales_channel")?.filters).toEqual({ id: "sc_1" })
  })

  it("marks an unknown order, and one whose channel has no live key, not found with no key", async () => {
    const unknown = await loadEsimPageConfig(scopeWith(undefined, []).scope, "order_404", undefined)
    expect(unknown).toMatchObject({ found: false, publishable_key: null, currency_code: null, store_name: null })
    const keyless = await loadEsimPageConfig(scopeWith(ORDER, []).scope, "order_1", undefined)
    expect(keyless).toMatchObject({ found: false, publishable_key: null })
  })

  it("never queries for an id no order could have, and embeds it empty", async () => {
    const { scope, calls } = scopeWith(ORDER, [])
    expect(await loadEsimPageConfig(scope, "</script>", undefined)).toMatchObject({ order_id: "", found: false })
    expect(calls).toEqual([])
  })

  it("takes the locale from ?lang=, else the order, else its metadata, else option locale", async () => {
    const keys = [key("pk", "2026-01-01")]
    const ar = { ...ORDER, locale: "ar-SA" }
    expect((await loadEsimPageConfig(scopeWith(ar, keys).scope, "order_1", "en")).locale).toBe("en")
    expect((await loadEsimPageConfig(scopeWith(ar, keys).scope, "order_1", undefined)).locale).toBe("ar")
    const meta = { ...ORDER, metadata: { locale: "ar" } }
    expect((await loadEsimPageConfig(scopeWith(meta, keys).scope, "order_1", undefined)).locale).toBe("ar")
    const option = scopeWith(ORDER, keys, { locale: "ar" }).scope
    expect((await loadEsimPageConfig(option, "order_1", undefined)).locale).toBe("ar")
  })
})
