import { EmailLook, emailDocument, emailText, heading, paragraph, resolveLook } from "../email"
import type { EsimProfileRow } from "../models/esim-profile"
import { formatDataMb, formatDateTime } from "../words"

export const USAGE_LOW_TEMPLATE = "esim-usage-low"
export const EXPIRING_TEMPLATE = "esim-expiring"

/** The eSIM columns an alert email shows; package names and ICCIDs come from esimfly and are escaped. */
export type AlertEsim = Pick<EsimProfileRow, "iccid" | "order_id" | "package_name" | "package_code" | "remaining_mb">

const nameOf = (esim: AlertEsim) => esim.package_name ?? esim.package_code

function notification(
  email: string,
  template: string,
  esim: AlertEsim,
  lines: string[],
  data: object,
  look?: EmailLook
) {
  const resolved = resolveLook(look)
  const [subject, ...body] = lines
  return {
    to: email,
    channel: "email",
    template,
    data: {
      order_id: esim.order_id,
      iccid: esim.iccid,
      package_name: nameOf(esim),
      ...data,
      locale: resolved.locale,
      dir: resolved.dir,
      store_name: resolved.storeName,
    },
    content: {
      subject,
      text: emailText(resolved, lines),
      html: emailDocument(resolved, subject, [heading(subject), ...body.map((line) => paragraph(line))]),
    },
    resource_id: esim.order_id,
    resource_type: "order",
  }
}

/** `esim-usage-low`: one email per reading, naming the lowest threshold it crossed. */
export function usageLowNotification(email: string, esim: AlertEsim, thresholdMb: number, look?: EmailLook) {
  const { locale, words } = resolveLook(look)
  const left = formatDataMb(esim.remaining_mb ?? thresholdMb, locale)
  return notification(
    email,
    USAGE_LOW_TEMPLATE,
    esim,
    [words.usageLow.subject(left), words.usageLow.body(nameOf(esim), esim.iccid, formatDataMb(thresholdMb, locale))],
    { threshold_mb: thresholdMb, remaining_mb: esim.remaining_mb },
    look
  )
}

/** `esim-expiring`: sent once a day before the expiry, the date in the shopper's locale and in UTC. */
export function expiringNotification(email: string, esim: AlertEsim, expiresAt: Date, look?: EmailLook) {
  const { locale, words } = resolveLook(look)
  return notification(
    email,
    EXPIRING_TEMPLATE,
    esim,
    [words.expiring.subject, words.expiring.body(nameOf(esim), esim.iccid, formatDateTime(expiresAt, locale))],
    { expires_at: expiresAt.toISOString() },
    look
  )
}
