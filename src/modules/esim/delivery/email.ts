import { httpsOnly } from "../../../lib/esimfly"
import { StoreEsim } from "./store-view"

export const DELIVERY_TEMPLATE = "esim-delivered"

export type DeliveredEsim = StoreEsim

export type DeliveryEmailInput = {
  order_id: string
  email: string
  /** The guest token: it goes into the email's content only, never into stored `data`. */
  access_token: string
  /** `orderEsimsUrl` option with `{order_id}` filled in and the token as `#token=`, when configured. */
  access_url: string | null
  esims: DeliveredEsim[]
  /** eSIMs the order is buying (failed batches aside); more than `esims` when some have not arrived. */
  ordered?: number
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

/** Attachment names and Content-IDs carry only letters, digits and "_", whatever esimfly sent as the ICCID. */
const qrKey = (esim: DeliveredEsim) => esim.iccid.replace(/[^A-Za-z0-9]/g, "_")

const planOf = (esim: DeliveredEsim) =>
  [esim.package_name ?? esim.package_code, esim.data_amount, esim.validity_days ? `${esim.validity_days} days` : null]
    .filter(Boolean)
    .join(" · ")

function esimHtml(esim: DeliveredEsim): string {
  const link = (url: string | null, label: string) => {
    const href = httpsOnly(url)
    return href ? `<a href="${escapeHtml(href)}">${label}</a>` : ""
  }
  return [
    `<h2>${escapeHtml(planOf(esim))}</h2>`,
    esim.qr_code_data_url
      ? `<img src="cid:qr-${escapeHtml(qrKey(esim))}" alt="eSIM QR code" width="240" height="240"/>`
      : "",
    `<p>${link(esim.apple_install_url, "Install on iPhone")} ${link(esim.android_install_url, "Install on Android")}</p>`,
    `<p>Manual installation: SM-DP+ address <code>${escapeHtml(esim.smdp_address ?? "")}</code>, `,
    `activation code <code>${escapeHtml(esim.activation_code ?? "")}</code></p>`,
    `<p>ICCID ${escapeHtml(esim.iccid)}</p>`,
  ].join("\n")
}

function esimText(esim: DeliveredEsim): string {
  return [
    planOf(esim),
    `  SM-DP+ address: ${esim.smdp_address ?? "-"}`,
    `  Activation code: ${esim.activation_code ?? "-"}`,
    `  iPhone: ${httpsOnly(esim.apple_install_url) ?? "-"}`,
    `  Android: ${httpsOnly(esim.android_install_url) ?? "-"}`,
    `  ICCID: ${esim.iccid}`,
  ].join("\n")
}

function qrAttachment(esim: DeliveredEsim) {
  const base64 = esim.qr_code_data_url?.split(",")[1]
  return base64
    ? [
        {
          content: base64,
          filename: `esim-${qrKey(esim)}.png`,
          content_type: "image/png",
          disposition: "inline",
          id: `qr-${qrKey(esim)}`,
        },
      ]
    : []
}

function accessLines(input: DeliveryEmailInput): { text: string; html: string } {
  if (input.access_url) {
    return {
      text: `View your eSIMs any time: ${input.access_url}`,
      html: `<p><a href="${escapeHtml(input.access_url)}">View your eSIMs any time</a></p>`,
    }
  }
  const text = `To view these eSIMs again: order ${input.order_id}, access code ${input.access_token}`
  return { text, html: `<p>${escapeHtml(text)}</p>` }
}

function subjectOf(count: number, ordered: number): string {
  if (count < ordered) {
    return `${count} of your ${ordered} eSIMs are ready`
  }
  return count === 1 ? "Your eSIM is ready" : `Your ${count} eSIMs are ready`
}

/** An email with fewer eSIMs than ordered never reads as the whole order. */
function missingLines(missing: number): string[] {
  if (missing <= 0) {
    return []
  }
  return missing === 1
    ? ["The other 1 eSIM is not ready yet; you will get another email when it is."]
    : [`The other ${missing} eSIMs are not ready yet; you will get another email when they are.`]
}

/**
 * The `esim-delivered` notification: a stable template name and `data` for providers
 * that render their own templates, plus ready `content` and inline QR attachments for
 * those that do not. The Notification Module stores `data` but not `content`, so the
 * guest token only ever travels in `content`.
 */
export function deliveryNotification(input: DeliveryEmailInput) {
  const count = input.esims.length
  const ordered = Math.max(input.ordered ?? count, count)
  const subject = subjectOf(count, ordered)
  const intro = "Scan the QR code with the phone that will use the eSIM, or tap the install link on that phone."
  const rest = missingLines(ordered - count)
  const access = accessLines(input)
  return {
    to: input.email,
    channel: "email",
    template: DELIVERY_TEMPLATE,
    data: { order_id: input.order_id, esims: input.esims, ordered_esim_count: ordered },
    content: {
      subject,
      text: [subject, ...rest, intro, ...input.esims.map(esimText), access.text].join("\n\n"),
      html: [
        `<h1>${subject}</h1>`,
        ...rest.map((line) => `<p>${line}</p>`),
        `<p>${intro}</p>`,
        ...input.esims.map(esimHtml),
        access.html,
      ].join("\n"),
    },
    attachments: input.esims.flatMap(qrAttachment),
    resource_id: input.order_id,
    resource_type: "order",
  }
}
