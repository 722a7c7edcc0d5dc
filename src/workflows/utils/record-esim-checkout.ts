import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_CODES_METADATA_KEY, packageCodeOf } from "../../modules/esim/purchase-plan"

type CheckoutCart = { id: string; items?: ({ variant_id?: string | null } | null)[] | null }

/**
 * Records on the cart, at checkout, which package each eSIM variant buys. The purchase
 * reads it through the order's cart, so a variant remapped or deleted before the purchase
 * runs (a catch-up, a held order resumed later) still buys what the shopper paid for.
 */
export async function recordEsimCheckoutCodes(container: MedusaContainer, cart: CheckoutCart): Promise<void> {
  const variantIds = [...new Set((cart.items ?? []).flatMap((item) => (item?.variant_id ? [item.variant_id] : [])))]
  if (!variantIds.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "metadata"], filters: { id: variantIds } })
  const codes: Record<string, string> = {}
  for (const variant of data as { id: string; metadata: Record<string, unknown> | null }[]) {
    const code = packageCodeOf({ id: variant.id, quantity: 1, variant })
    if (code) {
      codes[variant.id] = code
    }
  }
  if (!Object.keys(codes).length) {
    return
  }
  const carts = container.resolve(Modules.CART)
  const [current] = await carts.listCarts({ id: cart.id }, { select: ["id", "metadata"] })
  await carts.updateCarts([{ id: cart.id, metadata: { ...(current?.metadata ?? {}), [CHECKOUT_CODES_METADATA_KEY]: codes } }])
}
