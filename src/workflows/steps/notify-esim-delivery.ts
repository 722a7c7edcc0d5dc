import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { profiledInvoke } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"
import { IN_PROGRESS_STATUSES } from "../../modules/esim/purchase"
import { EsimEmailOutcome, sendEsimEmail } from "../utils/esim-delivery-email"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const notifyEsimDeliveryStepId = "notify-esim-delivery"

export type NotifyEsimDeliveryInput = { order_id: string; resend?: boolean }

async function notify(container: MedusaContainer, input: NotifyEsimDeliveryInput): Promise<EsimEmailOutcome> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (await isOrderCanceled(container, input.order_id)) {
    return { status: "skipped", reason: "the order is canceled" }
  }
  const esimOrders = await esim.listEsimOrders({ order_id: input.order_id, cancel_requested_at: null }, { take: null })
  const email = esimOrders.find((esimOrder) => esimOrder.email)?.email
  if (!email || (!input.resend && esimOrders.some((i) => IN_PROGRESS_STATUSES.includes(i.status)))) {
    return {
      status: "skipped",
      reason: email ? "eSIMs still being bought" : "the order has no email, or nothing left to send",
    }
  }
  // Only eSIMs of batches nobody asked to cancel are sent.
  const profiles = await esim.listEsimProfiles(
    { order_id: input.order_id, esim_order_id: esimOrders.map((esimOrder) => esimOrder.id) },
    { take: null, order: { created_at: "ASC" } }
  )
  const [existing] = await esim.listEsimDeliveries({ order_id: input.order_id })
  if (!profiles.length || (!input.resend && existing?.notified_esim_count === profiles.length)) {
    return { status: "skipped", reason: profiles.length ? "already notified" : "no eSIM delivered yet" }
  }
  return sendEsimEmail(container, { order_id: input.order_id, email, esimOrders, profiles }, existing)
}

/**
 * Emails the shopper their eSIMs once every eSIM of the order is known, through the
 * Notification Module. A failed email is recorded on the delivery, never thrown: the
 * purchase stands and an admin can resend.
 */
export const notifyEsimDeliveryStep = createStep(
  notifyEsimDeliveryStepId,
  profiledInvoke(
    "notify",
    async (input: NotifyEsimDeliveryInput, { container }: StepExecutionContext) =>
      new StepResponse(await notify(container, input))
  )
)
