import { SandboxCore } from "./core"
import { androidInstallUrl, appleInstallUrl, makeEsim, QR_DATA_URL } from "./esim-factory"
import { eventBase, lifeOf } from "./esim-life"
import { EsimRecord, OrderRecord } from "./types"
import { emitWebhook } from "./webhook-delivery"

/** Provisions the eSIMs of a pending order (ICCIDs are only known from now on) and reports each one. */
export function completeOrder(core: SandboxCore, order: OrderRecord): void {
  const provisioned = order.esims.length === 0
  if (provisioned) {
    order.esims = Array.from({ length: order.esimCount }, () => makeEsim(core.options.smdpAddress))
  }
  order.status = "completed"
  order.completedAt ??= core.now()
  if (provisioned) order.esims.forEach((esim) => reportProvisioned(core, order, esim))
}

/** `esim.provisioned`: an async order's QR is ready (lifecycle.md). */
function reportProvisioned(core: SandboxCore, order: OrderRecord, esim: EsimRecord): void {
  const life = lifeOf(core, esim.iccid)
  if (!life) return
  emitWebhook(core, "esim.provisioned", {
    ...eventBase(life, "provisioning"),
    qr_code_url: QR_DATA_URL,
    lpa_string: esim.lpaString,
    direct_apple_install_url: appleInstallUrl(esim.lpaString),
    direct_android_install_url: androidInstallUrl(esim.lpaString),
    package_name: order.packageName,
  })
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
