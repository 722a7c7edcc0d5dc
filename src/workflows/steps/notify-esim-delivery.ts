import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESIM_MODULE } from "../../modules/esim"
import { hashAccessToken, newAccessToken } from "../../modules/esim/access-token"
import { DeliveredEsim, deliveryNotification } from "../../modules/esim/delivery-email"
import { StoreEsimSource, toStoreEsim } from "../../modules/esim/store-view"
import EsimModuleService from "../../modules/esim/service"
import { IN_PROGRESS_STATUSES } from "../../modules/esim/types"

export const notifyEsimDeliveryStepId = "notify-esim-delivery"

export type NotifyEsimDeliveryInput = { order_id: string; resend?: boolean }

type EsimProfileRow = Awaited<ReturnType<EsimModuleService["listEsimProfiles"]>>[number]

type Outcome = { status: "skipped" | "sent" | "failed"; reason?: string }

async function withInstallDetails(profiles: EsimProfileRow[]): Promise<DeliveredEsim[]> {
  return Promise.all(profiles.map((profile) => toStoreEsim(profile as unknown as StoreEsimSource)))
}

function accessUrl(template: string | undefined, orderId: string, token: string): string | null {
  if (!template) {
    return null
  }
  return template.replace(/\{order_id\}/g, encodeURIComponent(orderId)).replace(/\{token\}/g, encodeURIComponent(token))
}

async function send(container: MedusaContainer, input: NotifyEsimDeliveryInput): Promise<Outcome> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const intents = await esim.listEsimOrders({ order_id: input.order_id }, { take: null })
  const email = intents.find((intent) => intent.email)?.email
  if (!email || (!input.resend && intents.some((i) => IN_PROGRESS_STATUSES.includes(i.status)))) {
    return { status: "skipped", reason: email ? "eSIMs still being bought" : "the order has no email" }
  }
  const profiles = await esim.listEsimProfiles({ order_id: input.order_id }, { take: null, order: { created_at: "ASC" } })
  const [existing] = await esim.listEsimDeliveries({ order_id: input.order_id })
  if (!profiles.length || (!input.resend && existing?.notified_esim_count === profiles.length)) {
    return { status: "skipped", reason: profiles.length ? "already notified" : "no eSIM delivered yet" }
  }
  const esims = await withInstallDetails(profiles)
  // A fresh token per email: only its hash is kept, so it cannot be shown again.
  const token = newAccessToken()
  const sends = (existing?.sent_count ?? 0) + 1
  const base = { order_id: input.order_id, access_token_hash: hashAccessToken(token), sent_count: sends }
  const delivery = existing
    ? await esim.updateEsimDeliveries({ id: existing.id, ...base })
    : await esim.createEsimDeliveries(base)
  const notification = {
    ...deliveryNotification({
      order_id: input.order_id,
      email,
      access_token: token,
      access_url: accessUrl(esim.getOptions().orderEsimsUrl, input.order_id, token),
      esims,
      // A batch esimfly refused holds nothing and is not coming; every other batch is owed to the shopper.
      ordered: intents.filter((intent) => intent.status !== "failed").reduce((sum, intent) => sum + intent.quantity, 0),
    }),
    idempotency_key: `esim-delivered:${input.order_id}:${esims.length}:${sends}`,
  }
  try {
    const [sent] = await container.resolve(Modules.NOTIFICATION).createNotifications([notification])
    const fields = { notification_id: sent?.id ?? null, notification_status: "sent" as const, notification_error: null }
    await esim.updateEsimDeliveries({ id: delivery.id, ...fields, notified_at: new Date(), notified_esim_count: esims.length })
    return { status: "sent" }
  } catch (error) {
    const message = (error as Error).message
    await esim.updateEsimDeliveries({ id: delivery.id, notification_status: "failed", notification_error: message })
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
  async (input: NotifyEsimDeliveryInput, { container }) => new StepResponse(await send(container, input))
)
