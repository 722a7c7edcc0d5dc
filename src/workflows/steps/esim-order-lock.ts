import { randomUUID } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { beginDeliveryProfile, endDeliveryProfile, timeDeliveryPhase } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"
import { acquireEsimOrderLock, EsimOrderLock, esimOrderLockKey, releaseEsimOrderLock } from "../utils/esim-order-lock"

export const acquireEsimOrderLockStepId = "acquire-esim-order-lock"
export const releaseEsimOrderLockStepId = "release-esim-order-lock"

/**
 * Takes the order's lock with an owner of its own, waiting up to `orderLockWaitS`, for
 * `orderLockTtlS`. `profile` starts the run's delivery profile (off unless enabled).
 */
export const acquireEsimOrderLockStep = createStep(
  acquireEsimOrderLockStepId,
  async ({ order_id, profile }: { order_id: string; profile?: boolean }, { container }) => {
    const { orderLockTtlS, orderLockWaitS } = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions()
    const lock: EsimOrderLock = {
      key: esimOrderLockKey(order_id),
      owner: `esim-run:${randomUUID()}`,
      ttl_s: orderLockTtlS,
      order_id,
    }
    if (profile) {
      beginDeliveryProfile(order_id)
    }
    await timeDeliveryPhase(order_id, "lock", () => acquireEsimOrderLock(container, lock, orderLockWaitS))
    return new StepResponse(lock, lock)
  },
  async (lock, { container }) => releaseEsimOrderLock(container, lock)
)

/** Releases the order's lock, only if this run still owns it, and logs the run's delivery profile if one was taken. */
export const releaseEsimOrderLockStep = createStep(
  releaseEsimOrderLockStepId,
  async (lock: EsimOrderLock, { container }) => {
    await releaseEsimOrderLock(container, lock)
    const profile = lock.order_id ? endDeliveryProfile(lock.order_id) : null
    if (profile) {
      container.resolve(ContainerRegistrationKeys.LOGGER).info(profile)
    }
    return new StepResponse(lock.key)
  }
)

/**
 * Runs the steps `body` adds under the order's lock: taken before them, released after them,
 * and released by compensation when one of them fails. `body` gets the lock to extend it.
 */
export function lockEsimOrderStep<T>(
  input: { order_id: string | WorkflowData<string>; profile?: boolean },
  body: (lock: WorkflowData<EsimOrderLock>) => T
): T {
  const lock = acquireEsimOrderLockStep(input)
  const result = body(lock)
  releaseEsimOrderLockStep(lock)
  return result
}
