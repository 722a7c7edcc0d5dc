import { httpsOnly } from "../../../lib/esimfly"
import {
  button,
  code,
  COLORS,
  EmailLook,
  emailDocument,
  emailText,
  escapeHtml,
  heading,
  paragraph,
  ResolvedLook,
  resolveLook,
  storeLink,
} from "../email"
import { StoreEsim } from "./store-view"

export const DELIVERY_TEMPLATE = "esim-delivered"

export type DeliveredEsim = StoreEsim

export type DeliveryEmailInput = {
  order_id: string
  email: string
  /**
   * The eSIM page with the guest token in its fragment (the hosted page, or `orderEsimsUrl`):
   * it goes into the email's content only, never into stored `data`. Null when no public URL is known.
   */
  access_url: string | null
  esims: DeliveredEsim[]
  /** eSIMs the order is buying (failed batches aside); more than `esims` when some have not arrived. */
  ordered?: number
  look?: EmailLook
}

/** Attachment names and Content-IDs carry only letters, digits and "_", whatever esimfly sent as the ICCID. */
const qrKey = (esim: DeliveredEsim) => esim.iccid.replace(/[^A-Za-z0-9]/g, "_")

const planOf = (esim: DeliveredEsim, look: ResolvedLook) =>
  [
    esim.package_name ?? esim.package_code,
    esim.data_amount,
    esim.validity_days ? look.words.delivery.days(esim.validity_days) : null,
  ]
    .filter(Boolean)
    // Each part isolated, so a Latin plan name and an Arabic "7 days" keep their order in either direction.
    .map((part) => (look.dir === "rtl" ? `\u2068${part}\u2069` : part))
    .join(" · ")

function qrHtml(esim: DeliveredEsim, look: ResolvedLook): string {
  if (!esim.qr_code_data_url) {
    return ""
  }
  const words = look.words.delivery
  return [
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0 12px 0">`,
    `<tr><td align="center" style="padding:8px 0">`,
    `<img src="cid:qr-${escapeHtml(qrKey(esim))}" alt="${escapeHtml(words.qrAlt)}" width="200" height="200"`,
    ` style="display:block;width:200px;max-width:100%;height:auto;border:8px solid #ffffff;background:#ffffff">`,
    `</td></tr><tr><td align="center" class="esim-muted" style="font-size:14px;color:${COLORS.muted}">`,
    `${escapeHtml(words.scanHint)}</td></tr></table>`,
  ].join("")
}

function manualHtml(esim: DeliveredEsim, look: ResolvedLook): string {
  const words = look.words.delivery
  const row = (label: string, value: string | null) =>
    `<p style="margin:0 0 6px 0;font-size:14px;line-height:1.6">${escapeHtml(label)}: ${code(value ?? "-")}</p>`
  return [
    `<p style="margin:8px 0 6px 0;font-size:15px;font-weight:bold">${escapeHtml(words.manualTitle)}</p>`,
    row(words.smdpAddress, esim.smdp_address),
    row(words.activationCode, esim.activation_code),
    row(words.iccid, esim.iccid),
  ].join("\n")
}

function esimHtml(esim: DeliveredEsim, look: ResolvedLook): string {
  const words = look.words.delivery
  return [
    `<div style="margin:20px 0 8px 0;padding-top:16px;border-top:1px solid #d1d5db">`,
    heading(planOf(esim, look), 2),
    button(esim.apple_install_url, words.installIphone),
    button(esim.android_install_url, words.installAndroid),
    qrHtml(esim, look),
    manualHtml(esim, look),
    `</div>`,
  ].join("\n")
}

function esimText(esim: DeliveredEsim, look: ResolvedLook): string {
  const words = look.words.delivery
  return [
    planOf(esim, look),
    `  ${words.installIphone}: ${httpsOnly(esim.apple_install_url) ?? "-"}`,
    `  ${words.installAndroid}: ${httpsOnly(esim.android_install_url) ?? "-"}`,
    `  ${words.smdpAddress}: ${esim.smdp_address ?? "-"}`,
    `  ${words.activationCode}: ${esim.activation_code ?? "-"}`,
    `  ${words.iccid}: ${esim.iccid}`,
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

/** The "Open your eSIM page" part: only a vetted store link, and the token only inside it. */
function pageParts(url: string | null, look: ResolvedLook): { html: string; text: string } {
  const safe = storeLink(url)
  const words = look.words.delivery
  if (!safe) {
    return { html: "", text: "" }
  }
  return {
    html: [
      `<div style="margin:20px 0 0 0">`,
      button(safe, words.openPage, COLORS.secondary, storeLink),
      paragraph(words.pageHint, true),
      `</div>`,
    ].join("\n"),
    text: `${words.openPage}: ${safe}\n${words.pageHint}`,
  }
}

function subjectOf(count: number, ordered: number, look: ResolvedLook): string {
  return count < ordered ? look.words.delivery.partlyReady(count, ordered) : look.words.delivery.ready(count)
}

/** Subject, plain text and HTML: the same parts in the same order. */
function deliveryContent(input: DeliveryEmailInput, look: ResolvedLook, ordered: number) {
  const words = look.words.delivery
  const count = input.esims.length
  const subject = subjectOf(count, ordered, look)
  const missing = ordered > count ? words.missing(ordered - count) : ""
  const page = pageParts(input.access_url, look)
  const text = [subject, missing, words.intro, ...input.esims.map((esim) => esimText(esim, look)), page.text]
  const html = [
    heading(subject),
    missing ? paragraph(missing) : "",
    paragraph(words.intro),
    ...input.esims.map((esim) => esimHtml(esim, look)),
    page.html,
  ]
  return { subject, text: emailText(look, text), html: emailDocument(look, subject, html) }
}

/**
 * The `esim-delivered` notification: a stable template name and `data` for providers
 * that render their own templates, plus ready `content` (HTML and text) and inline QR
 * attachments for those that do not. The Notification Module stores `data` but not
 * `content`, so the guest token only ever travels in `content`, inside the page link.
 */
export function deliveryNotification(input: DeliveryEmailInput) {
  const look = resolveLook(input.look)
  const ordered = Math.max(input.ordered ?? input.esims.length, input.esims.length)
  return {
    to: input.email,
    channel: "email",
    template: DELIVERY_TEMPLATE,
    data: {
      order_id: input.order_id,
      esims: input.esims,
      ordered_esim_count: ordered,
      locale: look.locale,
      dir: look.dir,
      store_name: look.storeName,
    },
    content: deliveryContent(input, look, ordered),
    attachments: input.esims.flatMap(qrAttachment),
    resource_id: input.order_id,
    resource_type: "order",
  }
}
