import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import { ageSeconds } from "../../../../modules/esim/money"
import EsimModuleService from "../../../../modules/esim/service"
import { watchBalance } from "../../../../workflows/utils/admin-alerts"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyBalance } from "../validators"

/**
 * The mirrored esimfly balance (fed by every purchase, refund and refresh), its age, and
 * whether it is under the warning threshold. `refresh=true` reads esimfly now.
 */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyBalance>, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const fresh = (req.validatedQuery as AdminGetEsimflyBalance).refresh === "true"
  const mirrored = fresh ? null : await esim.readEsimflyBalance()
  const balance = mirrored ?? (await callEsimfly(() => esim.refreshEsimflyBalance("admin")))
  await watchBalance(req.scope)
  const threshold = esim.getOptions().lowBalanceThreshold ?? null
  res.json({
    balance: {
      amount: balance.amount,
      currency: balance.currency,
      as_of: balance.read_at.toISOString(),
      source: balance.source,
      age_seconds: ageSeconds(balance.read_at, new Date()),
      low_balance_threshold: threshold,
      is_low: threshold !== null && balance.amount < threshold,
    },
  })
}
