import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { purchaseInFlightMs } from "../../modules/esim/purchase"
import EsimModuleService from "../../modules/esim/service"
import { retryEsimOrderWorkflow } from "../retry-esim-order"
import { EsimOrderToSettle, findEsimOrdersToSettle } from "../utils/esim-order-retry"

export const settleUnknownEsimOrdersStepId = "settle-unknown-esim-orders"

export type SettleUnknownEsimOrdersInput = { now?: string; grace_ms?: number }

export type SettleUnknownEsimOrdersOutput = { settled: { id: string; status: string }[] }

const DEFAULT_GRACE_MS = 2 * 60 * 1000

async function settle(
  container: MedusaContainer,
  input: EsimOrderToSettle
): Promise<{ id: string; status: string } | null> {
  try {
    await retryEsimOrderWorkflow(container).run({ input })
    const [after] = await container.resolve<EsimModuleService>(ESIM_MODULE).listEsimOrders({ id: input.id })
    return { id: input.id, status: after.status }
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`esimfly: reconciling ${input.id} failed: ${(error as Error).message}`)
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
  settleUnknownEsimOrdersStepId,
  async (input: SettleUnknownEsimOrdersInput, { container }) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const now = new Date(input.now ?? Date.now()).getTime()
    const grace = input.grace_ms ?? DEFAULT_GRACE_MS
    const interruptedBefore = new Date(now - purchaseInFlightMs(esim.getOptions()) - grace)
    const work = await findEsimOrdersToSettle(esim, new Date(now - grace), interruptedBefore)
    const settled: SettleUnknownEsimOrdersOutput["settled"] = []
    for (const item of work) {
      const outcome = await settle(container, item)
      if (outcome) {
        settled.push(outcome)
      }
    }
    return new StepResponse<SettleUnknownEsimOrdersOutput>({ settled })
  }
)
