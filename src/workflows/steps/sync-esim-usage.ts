import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { listedEsimReading } from "../../modules/esim/usage"
import { parseNow } from "../utils/pending-poll"

export const syncEsimUsageStepId = "sync-esim-usage"

export type SyncEsimUsageOutput = { skipped: boolean; pages: number; changed: string[]; error: string | null }

const LOCK_KEY = "esim-usage-sync"
/** A run that dies keeps the lock this long (s) at most. */
const LOCK_TTL_S = 30 * 60
/** esimfly: `limit` ≤ 100 (docs: esims.md). */
const PAGE_SIZE = 100

async function walkActiveEsims(esim: EsimModuleService, now: Date): Promise<Omit<SyncEsimUsageOutput, "skipped">> {
  const changed: string[] = []
  let page = 1
  let pages = 0
  try {
    for (let total = 1; page <= total; page++) {
      const answer = await esim.getClient().listEsims({ status: "ACTIVE", limit: PAGE_SIZE, page })
      pages++
      total = answer.pagination.totalPages
      changed.push(...(await esim.applyUsageReadings(answer.esims.map((item) => listedEsimReading(item, now)))))
    }
    return { pages, changed, error: null }
  } catch (error) {
    return { pages, changed, error: `page ${page}: ${(error as Error).message}` }
  }
}

/**
 * The fallback for eSIMs whose provider sends no real-time events: walks `GET /esims?status=ACTIVE`
 * page by page and updates the mirror of the eSIMs the store knows (never a usage query per eSIM,
 * lifecycle.md). One run at a time: a run that finds the lock taken does nothing.
 */
export const syncEsimUsageStep = createStep(syncEsimUsageStepId, async (input: { now?: string }, { container }) => {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const owner = `esim-usage-sync-${Date.now()}`
  const acquired = await locking.acquire(LOCK_KEY, { ownerId: owner, expire: LOCK_TTL_S }).then(
    () => true,
    () => false
  )
  if (!acquired) {
    return new StepResponse<SyncEsimUsageOutput>({ skipped: true, pages: 0, changed: [], error: null })
  }
  try {
    const result = await walkActiveEsims(esim, parseNow(input.now))
    if (result.error) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`esimfly: usage sync stopped at ${result.error}`)
    }
    return new StepResponse<SyncEsimUsageOutput>({ skipped: false, ...result })
  } finally {
    await locking.release(LOCK_KEY, { ownerId: owner })
  }
})
