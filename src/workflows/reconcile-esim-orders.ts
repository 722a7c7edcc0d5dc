import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../modules/esim"
import EsimModuleService from "../modules/esim/service"
import { MAX_AUTOMATIC_ATTEMPTS, purchaseInFlightMs, RATE_LIMIT_FAILURE_CODES, TRANSIENT_FAILURE_CODES } from "../modules/esim/purchase"
import { retryEsimOrderWorkflow, RetryEsimOrderInput } from "./retry-esim-order"
import { finishEsimCancelsStep } from "./steps/finish-esim-cancels"

export const reconcileEsimOrdersWorkflowId = "reconcile-esim-orders"

export type ReconcileEsimOrdersInput = { now?: string; grace_ms?: number }

export type ReconcileEsimOrdersOutput = { settled: { id: string; status: string }[] }

/** Unknown outcomes worth settling automatically; a pending order that timed out waits for a person. */
const SETTLEABLE_CODES = ["ORDER_OUTCOME_UNKNOWN", "UNEXPECTED_ERROR", "DUPLICATE_REQUEST"]

const DEFAULT_GRACE_MS = 2 * 60 * 1000

/** How far back the cancel catch-up looks for canceled orders whose event was lost. */
const CANCEL_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000

const BATCH = { take: 50, order: { last_attempt_at: "ASC" as const } }

async function settle(container: MedusaContainer, input: RetryEsimOrderInput): Promise<{ id: string; status: string } | null> {
  try {
    await retryEsimOrderWorkflow(container).run({ input })
    const [after] = await container.resolve<EsimModuleService>(ESIM_MODULE).listEsimOrders({ id: input.id })
    return { id: input.id, status: after.status }
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`esimfly: reconciling ${input.id} failed: ${(error as Error).message}`)
    return null
  }
}

/**
 * Settles eSIM orders whose create-order outcome is unknown, through the retry workflow: it
 * adopts the order esimfly created, and buys again only when the history proves none exists.
 * That covers eSIM orders a crash left `purchasing`, once their call cannot be in flight any
 * more (create-order timeout + grace); the retry re-reads them under the order's lock, so a
 * purchase still running is never raced. Purchases esimfly refused for the moment (rate
 * limit: every run; its own errors: a few times) are bought again with their own idempotency key.
 */
export const settleUnknownEsimOrdersStep = createStep(
  "settle-unknown-esim-orders",
  async (input: ReconcileEsimOrdersInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = new Date(input.now ?? Date.now()).getTime()
    const grace = input.grace_ms ?? DEFAULT_GRACE_MS
    const unknownBefore = new Date(now - grace)
    const interruptedBefore = new Date(now - purchaseInFlightMs(esim.getOptions()) - grace)
    // A canceled eSIM order's unknown outcome is always settled: whatever esimfly holds for it is canceled.
    const unknown = await esim.listEsimOrders(
      {
        status: "needs_attention",
        last_attempt_at: { $lte: unknownBefore },
        $or: [{ error_code: SETTLEABLE_CODES }, { cancel_requested_at: { $ne: null } }],
      },
      BATCH
    )
    const interrupted = await esim.listEsimOrders({ status: "purchasing", last_attempt_at: { $lte: interruptedBefore } }, BATCH)
    const transient = await esim.listEsimOrders(
      {
        status: "failed",
        cancel_requested_at: null,
        last_attempt_at: { $lte: unknownBefore },
        $or: [{ error_code: RATE_LIMIT_FAILURE_CODES }, { error_code: TRANSIENT_FAILURE_CODES, attempts: { $lt: MAX_AUTOMATIC_ATTEMPTS } }],
      },
      BATCH
    )
    const work: RetryEsimOrderInput[] = [
      ...unknown.map((esimOrder) => ({ id: esimOrder.id })),
      ...transient.map((esimOrder) => ({ id: esimOrder.id })),
      ...interrupted.map((esimOrder) => ({ id: esimOrder.id, interrupted_before: interruptedBefore.toISOString() })),
    ]
    const settled: ReconcileEsimOrdersOutput["settled"] = []
    for (const item of work) {
      const outcome = await settle(container, item)
      if (outcome) {
        settled.push(outcome)
      }
    }
    return new StepResponse<ReconcileEsimOrdersOutput>({ settled })
  }
)

/**
 * Reconciles the plugin's unknown purchases against esimfly, then finishes every cancel that
 * was asked for but not done (scheduled; also runnable by hand).
 */
export const reconcileEsimOrdersWorkflow = createWorkflow(reconcileEsimOrdersWorkflowId, (input: ReconcileEsimOrdersInput) => {
  const settled = settleUnknownEsimOrdersStep(input)
  const window = transform({ input, settled }, ({ input }) => ({
    now: input.now ?? new Date().toISOString(),
    lookback_ms: CANCEL_LOOKBACK_MS,
  }))
  const cancels = finishEsimCancelsStep(window)
  return new WorkflowResponse(transform({ settled, cancels }, ({ settled, cancels }) => ({ ...settled, cancels: cancels.orders })))
})
