import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../../modules/esim"
import { mayRetryTopUp } from "../../../modules/esim/top-up"
import EsimModuleService from "../../../modules/esim/service"

export const requeueEsimTopUpStepId = "requeue-esim-top-up"

type Requeued = { id: string; status: "held" | "failed" }

/**
 * Puts a held top-up (or one esimfly refused, so nothing was bought) back to `pending` for the
 * buy step, in one guarded update. One judged not bought from total_mb, a canceled one and a
 * bought one are refused: only esimfly's answer could tell, and it was lost.
 */
export const requeueEsimTopUpStep = createStep(
  requeueEsimTopUpStepId,
  async ({ id }: { id: string }, { container }: StepExecutionContext) => {
    const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
    const [topUp] = await esim.listEsimTopUps({ id }, { take: 1 })
    if (!topUp) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `eSIM top-up ${id} was not found`)
    }
    if (!mayRetryTopUp(topUp)) {
      const why = `eSIM top-up ${id} is ${topUp.status}${topUp.error_code ? ` (${topUp.error_code})` : ""}`
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${why}: only a held top-up, or one esimfly refused, is sent again`
      )
    }
    const status = topUp.status as Requeued["status"]
    const moved = await esim.updateEsimTopUps({
      selector: { id, status, cancel_requested_at: null },
      data: { status: "pending" },
    })
    if (!moved.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `eSIM top-up ${id} changed meanwhile; load it again`)
    }
    return new StepResponse({ order_id: topUp.order_id }, { id, status })
  },
  async (requeued: Requeued | undefined, { container }) => {
    if (requeued) {
      const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
      await esim.updateEsimTopUps({
        selector: { id: requeued.id, status: "pending" },
        data: { status: requeued.status },
      })
    }
  }
)
