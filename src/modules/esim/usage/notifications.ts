import type { EsimProfileRow } from "../models/esim-profile"

export const USAGE_LOW_TEMPLATE = "esim-usage-low"
export const EXPIRING_TEMPLATE = "esim-expiring"

/** The eSIM columns an alert email shows; package names and ICCIDs come from esimfly and are escaped. */
export type AlertEsim = Pick<EsimProfileRow, "iccid" | "order_id" | "package_name" | "package_code" | "remaining_mb">

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const nameOf = (esim: AlertEsim) => esim.package_name ?? esim.package_code

function notification(email: string, template: string, esim: AlertEsim, lines: string[], data: object) {
  const [subject, ...body] = lines
  return {
    to: email,
    channel: "email",
    template,
    data: { order_id: esim.order_id, iccid: esim.iccid, package_name: nameOf(esim), ...data },
    content: {
      subject,
      text: lines.join("\n\n"),
      html: [`<h1>${escapeHtml(subject)}</h1>`, ...body.map((line) => `<p>${escapeHtml(line)}</p>`)].join("\n"),
    },
    resource_id: esim.order_id,
    resource_type: "order",
  }
}

/** `esim-usage-low`: one email per reading, naming the lowest threshold it crossed. */
export function usageLowNotification(email: string, esim: AlertEsim, thresholdMb: number) {
  const left = esim.remaining_mb ?? thresholdMb
  return notification(
    email,
    USAGE_LOW_TEMPLATE,
    esim,
    [`Your eSIM has ${left} MB of data left`, `${nameOf(esim)} (ICCID ${esim.iccid}) is below ${thresholdMb} MB.`],
    { threshold_mb: thresholdMb, remaining_mb: esim.remaining_mb }
  )
}

/** `esim-expiring`: sent once a day before the expiry. */
export function expiringNotification(email: string, esim: AlertEsim, expiresAt: Date) {
  const when = expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC"
  return notification(
    email,
    EXPIRING_TEMPLATE,
    esim,
    ["Your eSIM expires soon", `${nameOf(esim)} (ICCID ${esim.iccid}) expires on ${when}.`],
    { expires_at: expiresAt.toISOString() }
  )
}
