import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCustomerEsims, StoreCustomerEsimsResponse } from "../../../customer-esims"
import { StoreListCustomerEsims } from "../../../validators"

/** The signed-in customer's eSIMs with everything needed to install them. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreListCustomerEsims>,
  res: MedusaResponse<StoreCustomerEsimsResponse>
) => {
  res.json(await listCustomerEsims(req.scope, req.auth_context.actor_id, req.validatedQuery))
}
