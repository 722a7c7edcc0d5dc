import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { readOrderEsims, StoreOrderEsimsResponse } from "../../../order-esims"
import { ACCESS_TOKEN_HEADER } from "../../../order-esims-access"
import { StoreGetOrderEsims } from "../../../validators"

/** An order's eSIMs, for the order's customer or a guest with the token from the delivery email. */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreGetOrderEsims>,
  res: MedusaResponse<StoreOrderEsimsResponse>
) => {
  const result = await readOrderEsims(req.scope, {
    order_id: req.params.id,
    actor_id: req.auth_context?.actor_id,
    token: req.get(ACCESS_TOKEN_HEADER) || undefined,
  })
  res.json(result)
}
