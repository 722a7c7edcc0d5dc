import { MedusaError } from "@medusajs/framework/utils"
import { CANCELED_BY_MERCHANT } from "../../modules/esim/cancel"
import {
  MAX_AUTOMATIC_ATTEMPTS,
  RATE_LIMIT_FAILURE_CODES,
  RETRYABLE_STATUSES,
  TRANSIENT_FAILURE_CODES,
} from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"

type EsimOrderRow = Awaited<ReturnType<EsimModuleService["listEsimOrders"]>>[number]

/** One eSIM order reconciliation hands to the retry workflow. */
export type EsimOrderToSettle = { id: string; interrupted_before?: string }

/** Unknown outcomes worth settling automatically; a pending order that timed out waits for a person. */
const SETTLEABLE_CODES = ["ORDER_OUTCOME_UNKNOWN", "UNEXPECTED_ERROR", "DUPLICATE_REQUEST"]

const BATCH = { take: 50, order: { last_attempt_at: "ASC" as const } }

/** Refuses a retry of an eSIM order that was canceled, belongs to a cancel, or is not held, failed or unsettled. */
export function refuseUnretryable(
  esimOrder: Pick<EsimOrderRow, "id" | "status" | "error_code" | "cancel_requested_at">
): void {
  const id = esimOrder.id
  if (esimOrder.error_code === CANCELED_BY_MERCHANT) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `eSIM order ${id} was canceled before it was bought; it is not bought again`
    )
  }
  if (esimOrder.cancel_requested_at && esimOrder.status !== "needs_attention") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `eSIM order ${id} belongs to a cancel; it is not bought again`)
  }
  if (!RETRYABLE_STATUSES.includes(esimOrder.status)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `eSIM order ${id} is ${esimOrder.status}; only held, failed or needs_attention orders can be retried`
    )
  }
}

/**
 * The eSIM orders reconciliation settles, oldest attempt first, 50 of each kind: unknown outcomes
 * older than `unknownBefore`, purchases esimfly refused for the moment, and `purchasing` ones
 * last attempted at or before `interruptedBefore` (their call cannot be in flight any more).
 */
export async function findEsimOrdersToSettle(
  esim: EsimModuleService,
  unknownBefore: Date,
  interruptedBefore: Date
): Promise<EsimOrderToSettle[]> {
  // A canceled eSIM order's unknown outcome is always settled: whatever esimfly holds for it is canceled.
  const unknown = await esim.listEsimOrders(
    {
      status: "needs_attention",
      last_attempt_at: { $lte: unknownBefore },
      $or: [{ error_code: SETTLEABLE_CODES }, { cancel_requested_at: { $ne: null } }],
    },
    BATCH
  )
  const interrupted = await esim.listEsimOrders(
    { status: "purchasing", last_attempt_at: { $lte: interruptedBefore } },
    BATCH
  )
  const transient = await esim.listEsimOrders(
    {
      status: "failed",
      cancel_requested_at: null,
      last_attempt_at: { $lte: unknownBefore },
      $or: [
        { error_code: RATE_LIMIT_FAILURE_CODES },
        { error_code: TRANSIENT_FAILURE_CODES, attempts: { $lt: MAX_AUTOMATIC_ATTEMPTS } },
      ],
    },
    BATCH
  )
  return [
    ...unknown.map((esimOrder) => ({ id: esimOrder.id })),
    ...transient.map((esimOrder) => ({ id: esimOrder.id })),
    ...interrupted.map((esimOrder) => ({ id: esimOrder.id, interrupted_before: interruptedBefore.toISOString() })),
  ]
}
