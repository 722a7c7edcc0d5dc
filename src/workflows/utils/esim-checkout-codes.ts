import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { packageCodeOf } from "../../modules/esim/purchase"

export type CheckoutCart = { id: string; items?: ({ variant_id?: string | null } | null)[] | null }

/** The package code of each eSIM variant in a cart (variant id → code), from one variant query. */
export async function esimCheckoutCodes(
  container: MedusaContainer,
  cart: CheckoutCart
): Promise<Record<string, string>> {
  const variantIds = [...new Set((cart.items ?? []).flatMap((item) => (item?.variant_id ? [item.variant_id] : [])))]
  if (!variantIds.length) {
    return {}
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "metadata"],
    filters: { id: variantIds },
  })
  const codes: Record<string, string> = {}
  for (const variant of data as { id: string; metadata: Record<string, unknown> | null }[]) {
    const code = packageCodeOf({ id: variant.id, quantity: 1, variant })
    if (code) {
      codes[variant.id] = code
    }
  }
  return codes
}
