import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveEsimOrder } from "../helpers"

/** One eSIM order with its eSIMs, attempts, errors and history. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ esim_order: await retrieveEsimOrder(req.scope, req.params.id) })
}
