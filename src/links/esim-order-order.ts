import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import EsimModule from "../modules/esim"

/** Read-only: an eSIM order already stores its order id, so no link table is needed. */
export default defineLink(
  { linkable: EsimModule.linkable.esimOrder, field: "order_id", isList: true },
  OrderModule.linkable.order,
  { readOnly: true }
)
