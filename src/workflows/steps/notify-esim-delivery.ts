import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepExecutionContext, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { DeliveredEsim, deliveryNotification, guestAccessExpiresAt, guestAccessUrl, hashAccessToken, newAccessToken, profiledInvoke, StoreEsimSource, timeDeliveryPhase, toStoreEsim } from "../../modules/esim/delivery"
import EsimModuleService from "../../modules/esim/service"
import { IN_PROGRESS_STATUSES } from "../../modules/esim/purchase"
import { isOrderCanceled } from "../utils/order-cancel-state"

export const notifyEsimDeliveryStepId = "notify-esim-delivery"

export type NotifyEsimDeliveryInput = { order_id: string; resend?: boolean }

type EsimProfileRow = Awaited<ReturnType<EsimModuleService["listEsimProfiles"]>>[number]

type EsimDeliveryRow = Awaited<ReturnType<EsimModuleService["listEsimDeliveries"]>>[number]

type Outcome = { status: "skipped" | "sent" | "failed"; reason?: string }

async function withInstallDetails(profiles: EsimProfileRow[]): Promise<DeliveredEsim[]> {
  return Promise.all(profiles.map((profile) => toStoreEsim(profile)))
}

/** A fresh token per email, valid for `guestAccessTtlDays`: only its hash is kept, so it cannot be shown again. */
async function issueGuestToken(esim: EsimModuleService, orderId: string, existing: EsimDeliveryRow | undefined) {
  const token = newAccessToken()
  const sends = (existing?.sent_count ?? 0) + 1
  const expires = guestAccessExpiresAt(new Date(), esim.getOptions().guestAccessTtlDays)
  const base = { order_id: orderId, access_token_hash: hashAccessToken(token), access_token_expires_at: expires, sent_count: sends }
  const delivery = existing
    ? await esim.updateEsimDeliveries({ id: existing.id, ...base })
    : await esim.createEsimDeliveries(base)
  return { token, delivery, sends }
}

async function send(container: MedusaContainer, input: NotifyEsimDeliveryInput): Promise<Outcome> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (await isOrderCanceled(container, input.order_id)) {
    return { status: "skipped", reason: "the order is canceled" }
  }
  const esimOrders = await esim.listEsimOrders({ order_id: input.order_id, cancel_requested_at: null }, { take: null })
  const email = esimOrders.find((esimOrder) => esimOrder.email)?.email
  if (!email || (!input.resend && esimOrders.some((i) => IN_PROGRESS_STATUSES.includes(i.status)))) {
    return { status: "skipped", reason: email ? "eSIMs still being bought" : "the order has no email, or nothing left to send" }
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
  const esims = await timeDeliveryPhase(input.order_id, "qr", () => withInstallDetails(profiles))
  const { token, delivery, sends } = await issueGuestToken(esim, input.order_id, existing)
  const options = esim.getOptions()
  const notification = {
    ...deliveryNotification({
      order_id: input.order_id,
      email,
      access_token: token,
      access_url: options.orderEsimsUrl ? guestAccessUrl(options.orderEsimsUrl, input.order_id, token) : null,
      esims,
      // A batch esimfly refused holds nothing and is not coming; every other batch is owed to the shopper.
      ordered: esimOrders.filter((esimOrder) => esimOrder.status !== "failed").reduce((sum, esimOrder) => sum + esimOrder.quantity, 0),
    }),
    idempotency_key: `esim-delivered:${input.order_id}:${esims.length}:${sends}`,
  }
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const [sent] = await timeDeliveryPhase(input.order_id, "notification", () => notifications.createNotifications([notification]))
    const fields = { notification_id: sent?.id ?? null, notification_status: "sent" as const, notification_error: null }
    await esim.updateEsimDeliveries({ id: delivery.id, ...fields, notified_at: new Date(), notified_esim_count: esims.length })
    return { status: "sent" }
  } catch (error) {
    const message = (error as Error).message.split(token).join("[token]")
    await esim.updateEsimDeliveries({ id: delivery.id, notification_status: "failed", notification_error: message })
    // Also in the log: a store without an email provider would otherwise fail with no trace an operator sees.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`esimfly: the eSIM email of order ${input.order_id} was not sent: ${message}`)
    return { status: "failed", reason: message }
  }
}

/**
 * Emails the shopper their eSIMs once every eSIM of the order is known, through the
 * Notification Module. A failed email is recorded on the delivery, never thrown: the
 * purchase stands and an admin can resend.
 */
export const notifyEsimDeliveryStep = createStep(
  notifyEsimDeliveryStepId,
  profiledInvoke("notify", async (input: NotifyEsimDeliveryInput, { container }: StepExecutionContext) => new StepResponse(await send(container, input)))
)
