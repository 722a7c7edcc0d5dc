import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESIM_MODULE } from "../../../../../modules/esim"
import EsimModuleService from "../../../../../modules/esim/service"
import { runEsimCatalogueSync } from "../../../../../workflows/sync-esim-catalogue"
import { AdminSyncEsimflyCatalogue } from "../../validators"

/** The running sync's progress, or the last run's result (in memory; empty after a restart). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ catalogue_sync: req.scope.resolve<EsimModuleService>(ESIM_MODULE).getCatalogueSync().snapshot() })
}

/** Syncs the catalogue now and answers with the result; filters in the body replace option `catalogue`. */
export async function POST(req: MedusaRequest<AdminSyncEsimflyCatalogue>, res: MedusaResponse) {
  const { page_size, ...filters } = req.validatedBody
  const filtered = Object.values(filters).some((value) => value !== undefined)
  const result = await runEsimCatalogueSync(req.scope, { filters: filtered ? filters : undefined, page_size })
  res.json({ result })
}
