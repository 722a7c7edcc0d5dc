import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ESIM_MODULE } from "../../modules/esim"
import type { EsimProfileRow } from "../../modules/esim/models/esim-profile"
import { EmailLook } from "../../modules/esim/email"
import EsimModuleService from "../../modules/esim/service"
import {
  alertsSentOf,
  claimEsimMirror,
  EXPIRING_TEMPLATE,
  expiringNotification,
  EXPIRY_NOTICE_MS,
  expiryAlertDue,
  USAGE_LOW_TEMPLATE,
  usageLowAlert,
  usageLowNotification,
} from "../../modules/esim/usage"
import { esimEmailLook } from "./esim-email-look"
import { notificationFailure } from "./notification-failure"

/** What one alert run did, per eSIM. */
export type EsimAlertOutcome = { iccid: string; template: string; status: "sent" | "failed"; error?: string }

type Notification = ReturnType<typeof usageLowNotification>

/** The order's email, as the eSIM order recorded it at purchase. */
async function emailOf(esim: EsimModuleService, profile: EsimProfileRow): Promise<string | null> {
  const esimOrders = await esim.listEsimOrders({ order_id: profile.order_id }, { take: null })
  return esimOrders.find((esimOrder) => esimOrder.email)?.email ?? null
}

/**
 * Sends one alert already claimed on the eSIM. A failure is written on the eSIM
 * (`usage_alerts_sent.last_failure`) and logged, never thrown: the claim stands, so it is not resent.
 */
async function send(
  container: MedusaContainer,
  profile: EsimProfileRow,
  template: string,
  build: (email: string, look: EmailLook) => Notification
): Promise<EsimAlertOutcome> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  const email = await emailOf(esim, profile)
  try {
    if (!email) {
      throw new Error("the order has no email")
    }
    const look = await esimEmailLook(container, profile.order_id)
    await container.resolve(Modules.NOTIFICATION).createNotifications([build(email, look)])
    return { iccid: profile.iccid, template, status: "sent" }
  } catch (error) {
    const message = notificationFailure(error, [profile.lpa, profile.activation_code])
    const [current] = await esim.listEsimProfiles({ id: profile.id })
    const alerts = { ...(current?.usage_alerts_sent ?? {}), last_failure: { template, error: message, at: new Date() } }
    await esim.updateEsimProfiles({ id: profile.id, usage_alerts_sent: alerts })
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`esimfly: the ${template} email of eSIM ${profile.iccid} was not sent: ${message}`)
    return { iccid: profile.iccid, template, status: "failed", error: message }
  }
}

/** `esim-usage-low` for each eSIM whose stored reading newly crossed a threshold: one email, every crossed one recorded. */
export async function sendUsageLowAlerts(container: MedusaContainer, iccids: string[]): Promise<EsimAlertOutcome[]> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (!esim.getOptions().notifyUsageLow || !iccids.length) {
    return []
  }
  const profiles = await esim.listEsimProfiles({ iccid: iccids }, { take: null })
  const outcomes: EsimAlertOutcome[] = []
  for (const profile of profiles) {
    const alert = usageLowAlert(profile)
    const thresholds = alert ? [...alertsSentOf(profile.usage_alerts_sent), ...alert.crossed] : []
    const after = { ...profile.usage_alerts_sent, thresholds: thresholds.sort((a, b) => b - a) }
    const claim = { kind: "usage-alert" as const, id: profile.id, before: profile.usage_alerts_sent, after }
    if (alert && (await esim.runEsimSql((manager) => claimEsimMirror(manager, claim)))) {
      outcomes.push(
        await send(container, profile, USAGE_LOW_TEMPLATE, (to, look) =>
          usageLowNotification(to, profile, alert.threshold_mb, look)
        )
      )
    }
  }
  return outcomes
}

/** `esim-expiring` for each eSIM that expires within a day and was not told so for this expiry. */
export async function sendExpiringAlerts(container: MedusaContainer, now: Date): Promise<EsimAlertOutcome[]> {
  const esim = container.resolve<EsimModuleService>(ESIM_MODULE)
  if (!esim.getOptions().notifyExpiring) {
    return []
  }
  const window = { $gt: now, $lte: new Date(now.getTime() + EXPIRY_NOTICE_MS) }
  const profiles = await esim.listEsimProfiles({ expires_at: window }, { take: null })
  const outcomes: EsimAlertOutcome[] = []
  for (const profile of profiles.filter((candidate) => expiryAlertDue(candidate, now))) {
    const expiresAt = new Date(profile.expires_at as Date)
    const windowStart = new Date(expiresAt.getTime() - EXPIRY_NOTICE_MS)
    const claim = { kind: "expiry-alert" as const, id: profile.id, at: now, window_start: windowStart }
    if (await esim.runEsimSql((manager) => claimEsimMirror(manager, claim))) {
      outcomes.push(
        await send(container, profile, EXPIRING_TEMPLATE, (to, look) =>
          expiringNotification(to, profile, expiresAt, look)
        )
      )
    }
  }
  return outcomes
}
