import { DeliveryRecord } from "./after-sale-types"

/** The moving parts of webhook delivery that are not data: running flows, held and lagging deliveries. */
export interface WebhookRuntime {
  /** One promise per delivery still being sent or retried. */
  flows: Set<Promise<void>>
  /** Out-of-order fault: started once the next delivery's first attempt has finished. */
  held: DeliveryRecord[]
  /** Late status events (non-network eSIMs): calling the function sends it now. */
  lagging: Map<DeliveryRecord, () => void>
  /** Aborted by reset() and close(), which end every flow. */
  stop: AbortController
}

export function createWebhookRuntime(): WebhookRuntime {
  return { flows: new Set(), held: [], lagging: new Map(), stop: new AbortController() }
}

/** Ends every flow and forgets held and lagging deliveries. */
export function stopWebhooks(runtime: WebhookRuntime): void {
  runtime.stop.abort()
  runtime.stop = new AbortController()
  runtime.held = []
  runtime.lagging.clear()
}

/** Resolves once no delivery is being sent or waiting for a retry (held ones excepted). */
export async function settleWebhooks(runtime: WebhookRuntime): Promise<void> {
  while (runtime.flows.size > 0) {
    await Promise.allSettled([...runtime.flows])
  }
}
