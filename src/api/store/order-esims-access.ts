import { accessTokenMatches, isGuestAccessLive } from "../../modules/esim/delivery"

/** The header a storefront sends the token from the delivery email in; the query string is refused. */
export const ACCESS_TOKEN_HEADER = "x-esim-access-token"

export type OrderEsimsAccess = {
  /** The authenticated customer, if any. */
  actor_id?: string
  /** The order's customer; null for an order placed without one. */
  order_customer_id: string | null
  token?: string
  token_hash?: string | null
  /** The token opens nothing from then on. */
  token_expires_at?: Date | string | null
  now?: Date
}

/**
 * Only the order's own customer or the holder of the token from the delivery email may
 * read an order's eSIMs: an order id or an ICCID alone never grants access.
 */
export function canReadOrderEsims(access: OrderEsimsAccess): boolean {
  const live = isGuestAccessLive(access.token_expires_at, access.now ?? new Date())
  const tokenMatches = accessTokenMatches(access.token, access.token_hash) && live
  const isOwner = Boolean(access.actor_id) && access.actor_id === access.order_customer_id
  return isOwner || tokenMatches
}
