import { SandboxCore } from "./core"
import { makeEsim } from "./esim-factory"
import { OrderRecord } from "./types"

/** Provisions the eSIMs of a pending order (ICCIDs are only known from now on). */
export function completeOrder(core: SandboxCore, order: OrderRecord): void {
  if (order.esims.length === 0) {
    order.esims = Array.from({ length: order.esimCount }, () => makeEsim(core.options.smdpAddress))
  }
  order.status = "completed"
  order.completedAt ??= core.now()
}

/** Completes a pending order whose `pendingSeconds` have passed (any read may notice). */
export function settleByTime(core: SandboxCore, order: OrderRecord): void {
  const { pendingSeconds } = core.options
  if (order.status !== "pending_details" || core.faults.staysPending(order.packageCode)) return
  if (pendingSeconds !== null && core.now() - order.createdAt >= pendingSeconds * 1000) {
    completeOrder(core, order)
  }
}

/** One status poll: the first `pendingPolls` polls still see pending_details, the next one completes it. */
export function registerPoll(core: SandboxCore, order: OrderRecord): void {
  settleByTime(core, order)
  if (order.status !== "pending_details" || core.faults.staysPending(order.packageCode)) return
  if (order.polls >= core.options.pendingPolls) {
    completeOrder(core, order)
  } else {
    order.polls++
  }
}
