import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../modules/esim"
import EsimModuleService from "../../../../modules/esim/service"
import { watchBalance } from "../../../../workflows/utils/admin-alerts"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyBalance } from "../validators"

/** The esimfly wholesale balance (briefly cached) and whether it is under the warning threshold. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyBalance>, res: MedusaResponse) {
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const fresh = (req.validatedQuery as AdminGetEsimflyBalance).refresh === "true"
  const balance = await callEsimfly(() => esim.getBalance({ fresh }))
  await watchBalance(req.scope, balance.balance, balance.currency)
  const threshold = esim.getOptions().lowBalanceThreshold ?? null
  res.json({
    balance: {
      amount: balance.balance,
      currency: balance.currency,
      as_of: balance.as_of.toISOString(),
      low_balance_threshold: threshold,
      is_low: threshold !== null && balance.balance < threshold,
    },
  })
}
