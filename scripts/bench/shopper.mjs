// A storefront shopper for the benchmark: the full store API checkout of scripts/lib/store-api.mjs.
import { placeOrder, storeClient } from "../lib/store-api.mjs"

/** Returns checkout(): one guest cart with one bench eSIM, completed; resolves to the order. */
export async function shopperFor(appUrl, store) {
  const api = storeClient(appUrl, store.publishable_key)
  const { region } = await api("GET", `/store/regions/${store.region_id}`)
  const variant = { id: store.variant_id }
  let count = 0
  return async function checkout() {
    count += 1
    const email = `bench-${process.pid}-${count}-${Date.now()}@example.com`
    const { order } = await placeOrder(api, { region, variant, email })
    return order
  }
}
