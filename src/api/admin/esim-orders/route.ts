import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../modules/esim"
import EsimModuleService from "../../../modules/esim/service"
import { purchaseHoldOf, withQrCodes } from "./helpers"
import { AdminListEsimOrders } from "./validators"

/** The plugin's eSIM orders with their eSIMs, newest first; for one order, also why it is not bought yet. */
export async function GET(req: MedusaRequest<unknown, AdminListEsimOrders>, res: MedusaResponse) {
  const { status, order_id, from_date, to_date, limit, offset } = req.validatedQuery as AdminListEsimOrders
  const created_at = {
    ...(from_date ? { $gte: new Date(from_date) } : {}),
    ...(to_date ? { $lte: new Date(to_date) } : {}),
  }
  const filters = {
    ...(status ? { status: Array.isArray(status) ? status : [status] } : {}),
    ...(order_id ? { order_id } : {}),
    ...(from_date || to_date ? { created_at } : {}),
  }
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const [rows, count] = await esim.listAndCountEsimOrders(filters, {
    relations: ["esims"],
    take: limit,
    skip: offset,
    order: { created_at: "DESC", line_item_id: "ASC", batch: "ASC" },
  })
  // QR images only for one order's view; a long list would render hundreds.
  const esim_orders = order_id ? await withQrCodes(rows) : rows
  const purchase_hold = order_id ? await purchaseHoldOf(req.scope, order_id) : undefined
  res.json({ esim_orders, count, limit, offset, ...(order_id ? { purchase_hold } : {}) })
}
