// The store API calls a shopper makes to buy an eSIM; shared by scripts/demo-buy.mjs and the browser test.

const SHIPPING_OPTION_NAME = "eSIM – instant delivery"

export class StoreApiError extends Error {}

/** One store API call; a non-2xx answer becomes an error that names the call and Medusa's message. */
export function storeClient(store, publishableKey) {
  return async (method, path, { body, token, headers } = {}) => {
    const res = await fetch(store + path, {
      method,
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => {
      throw new StoreApiError(`the demo is not running (nothing answers on ${store}); start it with npm run demo`)
    })
    const text = await res.text()
    const json = text.startsWith("{") ? JSON.parse(text) : null
    if (!res.ok) {
      const error = new StoreApiError(
        `${method} ${path} answered ${res.status}: ${json?.message ?? text.slice(0, 200)}`
      )
      error.status = res.status
      error.routeMissing = res.status === 404 && !json
      throw error
    }
    return json
  }
}

export function pickVariant(products) {
  for (const product of products) {
    const variant = product.variants?.find((v) => v.metadata?.esimfly_package_code) ?? product.variants?.[0]
    if (variant) {
      return { product, variant }
    }
  }
  throw new StoreApiError("GET /store/products lists no product with a variant: did the seed run?")
}

/** A new customer account: register the identity, create the customer, then log in for a token with the actor. */
export async function registerCustomer(api, email, password) {
  const { token: registration } = await api("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  const customer = { email, first_name: "Demo", last_name: "Shopper" }
  await api("POST", "/store/customers", { body: customer, token: registration })
  const { token } = await api("POST", "/auth/customer/emailpass", { body: { email, password } })
  return token
}

export async function placeOrder(api, { region, variant, email, token }) {
  const address = { first_name: "Demo", last_name: "Shopper", address_1: "1 Demo Street", city: "Demo City" }
  const shipTo = { ...address, postal_code: "10001", country_code: region.countries[0].iso_2 }
  const { cart } = await api("POST", "/store/carts", { token, body: { region_id: region.id } })
  const cartPath = `/store/carts/${cart.id}`
  await api("POST", `${cartPath}/line-items`, { token, body: { variant_id: variant.id, quantity: 1 } })
  await api("POST", cartPath, { token, body: { email, shipping_address: shipTo, billing_address: shipTo } })
  const { shipping_options } = await api("GET", `/store/shipping-options?cart_id=${cart.id}`, { token })
  const option = shipping_options.find((o) => o.name === SHIPPING_OPTION_NAME)
  if (!option) {
    const names = shipping_options.map((o) => o.name).join(", ") || "none"
    throw new StoreApiError(`no "${SHIPPING_OPTION_NAME}" shipping option for the cart (offered: ${names})`)
  }
  await api("POST", `${cartPath}/shipping-methods`, { token, body: { option_id: option.id } })
  const { payment_collection } = await api("POST", "/store/payment-collections", { token, body: { cart_id: cart.id } })
  const sessionPath = `/store/payment-collections/${payment_collection.id}/payment-sessions`
  await api("POST", sessionPath, { token, body: { provider_id: "pp_system_default" } })
  const completed = await api("POST", `${cartPath}/complete`, { token })
  if (completed.type !== "order") {
    throw new StoreApiError(`the cart did not complete: ${completed.error?.message ?? JSON.stringify(completed)}`)
  }
  return { cart, order: completed.order }
}
