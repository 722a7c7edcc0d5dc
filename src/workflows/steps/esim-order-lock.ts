import { setTimeout as sleep } from "node:timers/promises"
import { randomUUID } from "node:crypto"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { beginDeliveryProfile, endDeliveryProfile, timeDeliveryPhase } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"

export const acquireEsimOrderLockStepId = "acquire-esim-order-lock"
export const releaseEsimOrderLockStepId = "release-esim-order-lock"

/** The lock every eSIM purchase, cancel and resend of one order takes. */
export const esimOrderLockKey = (orderId: string) => `esim-purchase:${orderId}`

/** A held order lock: only its owner may extend or release it. */
export type EsimOrderLock = { key: string; owner: string; ttl_s: number; order_id?: string }

const RETRY_MS = 300

async function acquire(container: MedusaContainer, lock: EsimOrderLock, waitS: number): Promise<void> {
  const locking = container.resolve(Modules.LOCKING)
  const until = Date.now() + waitS * 1000
  for (;;) {
    try {
      await locking.acquire(lock.key, { ownerId: lock.owner, expire: lock.ttl_s })
      return
    } catch (error) {
      if (Date.now() >= until) {
        throw error
      }
    }
    await sleep(RETRY_MS)
  }
}

/**
 * Extends the lock before a long wait. A lock that lapsed and went to another run is not
 * taken back: the purchase's compare-and-set, not the lock, is what keeps a batch bought once.
 */
export async function extendEsimOrderLock(container: MedusaContainer, lock: EsimOrderLock | undefined): Promise<void> {
  if (lock) {
    await acquire(container, lock, 0).catch(() => undefined)
  }
}

async function release(container: MedusaContainer, lock: EsimOrderLock | undefined): Promise<void> {
  if (lock) {
    await container.resolve(Modules.LOCKING).release(lock.key, { ownerId: lock.owner })
  }
}

/**
 * Takes the order's lock with an owner of its own, waiting up to `orderLockWaitS`, for
 * `orderLockTtlS`. `profile` starts the run's delivery profile (off unless enabled).
 */
export const acquireEsimOrderLockStep = createStep(
  acquireEsimOrderLockStepId,
  async ({ order_id, profile }: { order_id: string; profile?: boolean }, { container }) => {
    const { orderLockTtlS, orderLockWaitS } = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions()
    const lock: EsimOrderLock = { key: esimOrderLockKey(order_id), owner: `esim-run:${randomUUID()}`, ttl_s: orderLockTtlS, order_id }
    if (profile) {
      beginDeliveryProfile(order_id)
    }
    await timeDeliveryPhase(order_id, "lock", () => acquire(container, lock, orderLockWaitS))
    return new StepResponse(lock, lock)
  },
  async (lock, { container }) => release(container, lock)
)

/** Releases the order's lock, only if this run still owns it, and logs the run's delivery profile if one was taken. */
export const releaseEsimOrderLockStep = createStep(
  releaseEsimOrderLockStepId,
  async (lock: EsimOrderLock, { container }) => {
    await release(container, lock)
    const profile = lock.order_id ? endDeliveryProfile(lock.order_id) : null
    if (profile) {
      container.resolve(ContainerRegistrationKeys.LOGGER).info(profile)
    }
    return new StepResponse(lock.key)
  }
)
