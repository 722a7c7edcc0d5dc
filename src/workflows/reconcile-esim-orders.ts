import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../modules/esim"
import EsimModuleService from "../modules/esim/service"
import { retryEsimOrderWorkflow } from "./retry-esim-order"

export const reconcileEsimOrdersWorkflowId = "reconcile-esim-orders"

export type ReconcileEsimOrdersInput = { now?: string; grace_ms?: number }

/** Outcomes worth settling automatically; a timed-out pending order or an ambiguous match waits for a person. */
const SETTLEABLE_CODES = ["ORDER_OUTCOME_UNKNOWN", "UNEXPECTED_ERROR"]

/**
 * Settles intents whose create-order outcome is unknown, through the retry workflow: it
 * adopts the order esimfly created, and buys again only when the history proves none exists.
 */
export const settleUnknownEsimOrdersStep = createStep(
  "settle-unknown-esim-orders",
  async (input: ReconcileEsimOrdersInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const before = new Date(new Date(input.now ?? Date.now()).getTime() - (input.grace_ms ?? 2 * 60 * 1000))
    const intents = await esim.listEsimOrders(
      { status: "needs_attention", error_code: SETTLEABLE_CODES, last_attempt_at: { $lte: before } },
      { take: 50, order: { last_attempt_at: "ASC" } }
    )
    const settled: { id: string; status: string }[] = []
    for (const intent of intents) {
      try {
        await retryEsimOrderWorkflow(container).run({ input: { id: intent.id } })
        const [after] = await esim.listEsimOrders({ id: intent.id })
        settled.push({ id: intent.id, status: after.status })
      } catch (error) {
        logger.warn(`esimfly: reconciling ${intent.id} failed: ${(error as Error).message}`)
      }
    }
    return new StepResponse({ settled })
  }
)

/** Reconciles the plugin's unknown purchases against esimfly (scheduled; also runnable by hand). */
export const reconcileEsimOrdersWorkflow = createWorkflow(reconcileEsimOrdersWorkflowId, (input: ReconcileEsimOrdersInput) => {
  return new WorkflowResponse(settleUnknownEsimOrdersStep(input))
})
