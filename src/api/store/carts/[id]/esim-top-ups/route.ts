import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { HttpTypes } from "@medusajs/framework/types"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { addEsimTopUpToCart } from "../../../esim-top-ups"
import { ACCESS_TOKEN_HEADER } from "../../../order-esims-access"
import { StoreAddEsimTopUp } from "../../../validators"

/** Adds a top-up of the caller's eSIM to the cart, at the server's price; answers the cart like Medusa's line-item route. */
export const POST = async (
  req: MedusaStoreRequest<StoreAddEsimTopUp>,
  res: MedusaResponse<HttpTypes.StoreCartResponse>
) => {
  const { iccid, package_code } = req.validatedBody
  const owner = { iccid, actor_id: req.auth_context?.actor_id, token: req.get(ACCESS_TOKEN_HEADER) || undefined }
  await addEsimTopUpToCart(req.scope, { cart_id: req.params.id, owner, package_code })
  const cart = await refetchCart(req.params.id, req.scope, defaultStoreCartFields)
  res.json({ cart })
}
