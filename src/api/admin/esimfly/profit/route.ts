import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import { profitByCurrency } from "../../../../modules/esim/money"
import EsimModuleService from "../../../../modules/esim/service"
import { AdminGetEsimflyProfit } from "../validators"
import { profitLines } from "./profit-lines"

/** What the eSIMs earned, per currency pair; no esimfly call. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyProfit>, res: MedusaResponse) {
  const { from_date = null, to_date = null } = req.validatedQuery as AdminGetEsimflyProfit
  const rates = req.scope.resolve<EsimModuleService>(ESIM_MODULE).getOptions().exchangeRates
  const lines = await profitLines(req.scope, from_date ?? undefined, to_date ?? undefined)
  res.json({ profit: { from_date, to_date, rows: profitByCurrency(lines, rates) } })
}
