import { accessTokenMatches } from "../../modules/esim/access-token"

/** The header a storefront sends the token from the delivery email in (`?token=` also works). */
export const ACCESS_TOKEN_HEADER = "x-esim-access-token"

export type OrderEsimsAccess = {
  /** The authenticated customer, if any. */
  actor_id?: string
  /** The order's customer; null for an order placed without one. */
  order_customer_id: string | null
  token?: string
  token_hash?: string | null
}

/**
 * Only the order's own customer or the holder of the token from the delivery email may
 * read an order's eSIMs: an order id or an ICCID alone never grants access.
 */
export function canReadOrderEsims(access: OrderEsimsAccess): boolean {
  const tokenMatches = accessTokenMatches(access.token, access.token_hash)
  const isOwner = Boolean(access.actor_id) && access.actor_id === access.order_customer_id
  return isOwner || tokenMatches
}
