import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../../../modules/esim"
import { toHistoryRow } from "../../../../modules/esim/delivery"
import { OrphanWindowTooLargeError } from "../../../../modules/esim/purchase"
import EsimModuleService from "../../../../modules/esim/service"
import { callEsimfly } from "../errors"
import { AdminGetEsimflyOrphans } from "../validators"

/** esimfly orders in the window that no purchase of this store claims. */
export async function GET(req: MedusaRequest<unknown, AdminGetEsimflyOrphans>, res: MedusaResponse) {
  const { from_date, to_date } = req.validatedQuery as AdminGetEsimflyOrphans
  const esim = req.scope.resolve<EsimModuleService>(ESIM_MODULE)
  const report = await callEsimfly(() => esim.listOrphanOrders({ fromDate: from_date, toDate: to_date })).catch(
    (error) => {
      throw error instanceof OrphanWindowTooLargeError
        ? new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
        : error
    }
  )
  res.json({
    orphans: report.orphans.map((order) => ({
      ...toHistoryRow(order),
      possible_esim_order_ids: order.possibleEsimOrderIds,
    })),
    window: { from_date, to_date },
    scanned: report.scanned,
  })
}
