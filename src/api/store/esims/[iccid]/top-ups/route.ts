import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { findCart, listEsimTopUps, StoreEsimTopUpsResponse } from "../../../esim-top-ups"
import { ACCESS_TOKEN_HEADER } from "../../../order-esims-access"
import { StoreListEsimTopUps } from "../../../validators"

/** The top-ups esimfly offers for the caller's eSIM, at the store's price (cached per ICCID for 10 minutes). */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreListEsimTopUps>,
  res: MedusaResponse<StoreEsimTopUpsResponse>
) => {
  const { cart_id, currency_code } = req.validatedQuery
  const currency = cart_id ? (await findCart(req.scope, cart_id)).currency_code : (currency_code as string)
  const owner = { iccid: req.params.iccid, actor_id: req.auth_context?.actor_id, token: req.get(ACCESS_TOKEN_HEADER) }
  res.json(await listEsimTopUps(req.scope, { ...owner, token: owner.token || undefined }, currency))
}
