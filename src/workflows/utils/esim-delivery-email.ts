import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  DeliveredEsim,
  deliveryNotification,
  esimPageUrl,
  esimPublicBaseUrl,
  guestAccessExpiresAt,
  guestAccessUrl,
  hashAccessToken,
  newAccessToken,
  StoreEsimSource,
  timeDeliveryPhase,
  toStoreEsim,
} from "../../modules/esim/delivery"
import { ESIM_MODULE } from "../../modules/esim"
import EsimModuleService from "../../modules/esim/service"
import { esimEmailLook } from "./esim-email-look"
import { notificationFailure } from "./notification-failure"

type EsimOrderRow = Awaited<ReturnType<EsimModuleService["listEsimOrders"]>>[number]

type EsimProfileRow = Awaited<ReturnType<EsimModuleService["listEsimProfiles"]>>[number]

export type EsimDeliveryRow = Awaited<ReturnType<EsimModuleService["listEsimDeliveries"]>>[number]

/** What one delivery email run did. */
export type EsimEmailOutcome = { status: "skipped" | "sent" | "failed"; reason?: string }

/** What the email needs: the order, its address, its live eSIM orders and their stored eSIMs. */
export type EsimEmail = { order_id: string; email: string; esimOrders: EsimOrderRow[]; profiles: EsimProfileRow[] }

async function withInstallDetails(profiles: EsimProfileRow[]): Promise<DeliveredEsim[]> {
  return Promise.all(profiles.map((profile) => toStoreEsim(profile)))
}

/** A fresh token per email, valid for `guestAccessTtlDays`: only its hash is kept, so it cannot be shown again. */
async function issueGuestToken(esim: EsimModuleService, orderId: string, existing: EsimDeliveryRow | undefined) {
  const token = newAccessToken()
  const sends = (existing?.sent_count ?? 0) + 1
  const expires = guestAccessExpiresAt(new Date(), esim.getOptions().guestAccessTtlDays)
  const base = {
    order_id: orderId,
    access_token_hash: hashAccessToken(token),
    access_token_expires_at: expires,
    sent_count: sends,
  }
  const delivery = existing
    ? await esim.updateEsimDeliveries({ id: existing.id, ...base })
    : await esim.createEsimDeliveries(base)
  return { token, delivery, sends }
}

// A missing public URL is a setting, not an order's trouble: said once per process, not per email.
let warnedNoPageLink = false

/**
 * The eSIM page link with the token in its fragment: `orderEsimsUrl` when set, else the hosted
 * page on the store's public URL. Null (and one warning) when neither is known: no link, no way in.
 */
function accessUrlFor(container: MedusaContainer, orderId: string, token: string): string | null {
  const { orderEsimsUrl, webhookUrl } = container.resolve<EsimModuleService>(ESIM_MODULE).getOptions()
  if (orderEsimsUrl) {
    return guestAccessUrl(orderEsimsUrl, orderId, token)
  }
  const { admin } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const base = esimPublicBaseUrl(webhookUrl, admin?.backendUrl)
  if (!base && !warnedNoPageLink) {
    warnedNoPageLink = true
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        'esimfly: eSIM emails carry no eSIM page link: set option "webhookUrl" to the store\'s public https URL, or "orderEsimsUrl"'
      )
  }
  return base ? esimPageUrl(base, orderId, token) : null
}

/** Builds the email with a fresh guest link and sends it; the outcome is written on the delivery, never thrown. */
export async function sendEsimEmail(
  container: MedusaContainer,
  mail: EsimEmail,
  existing: EsimDeliveryRow | undefined
): Promise<EsimEmailOutcome> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const esims = await timeDeliveryPhase(mail.order_id, "qr", () => withInstallDetails(mail.profiles))
  const { token, delivery, sends } = await issueGuestToken(esim, mail.order_id, existing)
  const notification = {
    ...deliveryNotification({
      order_id: mail.order_id,
      email: mail.email,
      access_url: accessUrlFor(container, mail.order_id, token),
      esims,
      look: await esimEmailLook(container, mail.order_id),
      // A batch esimfly refused holds nothing and is not coming; every other batch is owed to the shopper.
      ordered: mail.esimOrders
        .filter((esimOrder) => esimOrder.status !== "failed")
        .reduce((sum, esimOrder) => sum + esimOrder.quantity, 0),
    }),
    idempotency_key: `esim-delivered:${mail.order_id}:${esims.length}:${sends}`,
  }
  try {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const [sent] = await timeDeliveryPhase(mail.order_id, "notification", () =>
      notifications.createNotifications([notification])
    )
    const fields = { notification_id: sent?.id ?? null, notification_status: "sent" as const, notification_error: null }
    await esim.updateEsimDeliveries({
      id: delivery.id,
      ...fields,
      notified_at: new Date(),
      notified_esim_count: esims.length,
    })
    return { status: "sent" }
  } catch (error) {
    const message = notificationFailure(error, [token, ...esims.flatMap((e) => [e.lpa, e.activation_code])])
    await esim.updateEsimDeliveries({ id: delivery.id, notification_status: "failed", notification_error: message })
    // Also in the log: a store without an email provider would otherwise fail with no trace an operator sees.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`esimfly: the eSIM email of order ${mail.order_id} was not sent: ${message}`)
    return { status: "failed", reason: message }
  }
}
