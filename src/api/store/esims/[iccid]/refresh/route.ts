import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { refreshOwnedEsim, StoreRefreshEsimResponse } from "../../../esim-usage"
import { ACCESS_TOKEN_HEADER } from "../../../order-esims-access"

/** Refreshes one eSIM's data left (at most once per cache window), for its owner only. */
export const POST = async (req: MedusaStoreRequest, res: MedusaResponse<StoreRefreshEsimResponse>) => {
  const result = await refreshOwnedEsim(req.scope, {
    iccid: req.params.iccid,
    actor_id: req.auth_context?.actor_id,
    token: req.get(ACCESS_TOKEN_HEADER) || undefined,
  })
  res.json(result)
}
