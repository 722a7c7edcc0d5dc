import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { GuardNote } from "../../modules/esim/money"
import { CHECKOUT_CODES_METADATA_KEY, CHECKOUT_GUARD_METADATA_KEY } from "../../modules/esim/purchase"

/**
 * Records on the cart, at checkout, which package each eSIM variant buys, and what the
 * checkout guard could not check. The purchase reads the codes through the order's cart,
 * so a variant remapped or deleted before the purchase runs (a catch-up, a held order
 * resumed later) still buys what the shopper paid for.
 */
export async function recordEsimCheckout(
  container: MedusaContainer,
  cartId: string,
  codes: Record<string, string>,
  guard: GuardNote | null
): Promise<void> {
  const carts = container.resolve(Modules.CART)
  const [current] = await carts.listCarts({ id: cartId }, { select: ["id", "metadata"] })
  const note = guard ? { [CHECKOUT_GUARD_METADATA_KEY]: guard } : {}
  await carts.updateCarts([
    { id: cartId, metadata: { ...(current?.metadata ?? {}), [CHECKOUT_CODES_METADATA_KEY]: codes, ...note } },
  ])
}
