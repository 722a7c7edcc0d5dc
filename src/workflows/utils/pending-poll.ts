import { MedusaError } from "@medusajs/framework/utils"
import {
  isPendingTooOld,
  PendingChange,
  pendingTimedOut,
  pollAnswered,
  pollFailed,
  toProfileRows,
} from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

type DueEsimOrder = Awaited<ReturnType<EsimModuleService["listEsimOrders"]>>[number]

/** The run's clock: `now` when a test moves it, else the current time. */
export function parseNow(now: string | undefined): Date {
  const date = now ? new Date(now) : new Date()
  if (Number.isNaN(date.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"now" must be an ISO date, got "${now}"`)
  }
  return date
}

/** One status poll, or the timeout; a bought eSIM is stored before the eSIM order says so. */
export async function resolveEsimOrder(
  esim: EsimModuleService,
  esimOrder: DueEsimOrder,
  now: Date
): Promise<PendingChange> {
  const { pendingMaxAgeMs } = esim.getOptions()
  if (isPendingTooOld(esimOrder, now, pendingMaxAgeMs)) {
    return pendingTimedOut(esimOrder, now, pendingMaxAgeMs)
  }
  const nextPollAt = esim.nextPollAt(esimOrder.poll_count + 1, now)
  try {
    if (!esimOrder.esimfly_order_reference) {
      throw new Error("no esimfly order reference is recorded on the eSIM order")
    }
    const order = await esim.getClient().getOrder(esimOrder.esimfly_order_reference)
    if (!order.pending && order.esims.length) {
      await esim.storeEsimProfiles(toProfileRows(order.esims, esimOrder, order.packageName))
    }
    return pollAnswered(esimOrder, order, now, nextPollAt)
  } catch (error) {
    return pollFailed(esimOrder, error, now, nextPollAt)
  }
}
