import { setTimeout as sleep } from "node:timers/promises"
import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The lock every eSIM purchase, cancel and resend of one order takes. */
export const esimOrderLockKey = (orderId: string) => `esim-purchase:${orderId}`

/** A held order lock: only its owner may extend or release it. */
export type EsimOrderLock = { key: string; owner: string; ttl_s: number; order_id?: string }

const RETRY_MS = 300

/** Takes the lock for its owner, trying again every 300 ms for up to `waitS` seconds. */
export async function acquireEsimOrderLock(
  container: MedusaContainer,
  lock: EsimOrderLock,
  waitS: number
): Promise<void> {
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
    await acquireEsimOrderLock(container, lock, 0).catch(() => undefined)
  }
}

/** Releases the lock only if `lock.owner` still holds it. */
export async function releaseEsimOrderLock(container: MedusaContainer, lock: EsimOrderLock | undefined): Promise<void> {
  if (lock) {
    await container.resolve(Modules.LOCKING).release(lock.key, { ownerId: lock.owner })
  }
}
