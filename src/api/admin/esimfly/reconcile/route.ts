import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileEsimOrdersWorkflow } from "../../../../workflows/reconcile-esim-orders"

/** Runs reconciliation now (the scheduled job's work): unsettled purchases adopt or re-buy. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { result } = await reconcileEsimOrdersWorkflow(req.scope).run({ input: {} })
  res.json({ settled: result.settled })
}
