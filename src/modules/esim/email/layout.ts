import { httpsOnly, isWebhookUrl } from "../../../lib/esimfly"
import { escapeHtml } from "./escape"
import { ResolvedLook } from "./look"

/** Colors chosen to read in light mode, and overridden by class where a client honours dark mode. */
export const COLORS = {
  page: "#f3f4f6",
  card: "#ffffff",
  text: "#111827",
  muted: "#4b5563",
  code: "#eef0f3",
  primary: "#1d4ed8",
  secondary: "#065f46",
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Tahoma,Arial,sans-serif"

const DARK_CSS = [
  ":root{color-scheme:light dark;supported-color-schemes:light dark}",
  "@media (prefers-color-scheme: dark){",
  ".esim-page{background:#0b0f17 !important}",
  ".esim-card{background:#1f2937 !important;color:#f9fafb !important}",
  ".esim-muted{color:#d1d5db !important}",
  ".esim-code{background:#111827 !important;color:#f9fafb !important}",
  "}",
].join("")

const align = (look: ResolvedLook) => (look.dir === "rtl" ? "right" : "left")

/**
 * A link the store itself configured (its eSIM page): https, or http on localhost or
 * 127.0.0.1 for a local store, as option `webhookUrl` allows. Links from esimfly use `httpsOnly`.
 */
export const storeLink = (url: string | null | undefined) => (url && isWebhookUrl(url) ? url : null)

/** A full-width button: nothing at all unless the link is https (or, with `storeLink`, a local store's http). */
export function button(
  href: string | null | undefined,
  label: string,
  color = COLORS.primary,
  vet = httpsOnly
): string {
  const safe = vet(href)
  if (!safe) {
    return ""
  }
  return [
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px 0">`,
    `<tr><td align="center" bgcolor="${color}" style="background:${color};border-radius:8px">`,
    `<a href="${escapeHtml(safe)}" style="display:block;padding:14px 16px;font-family:${FONT};font-size:17px;`,
    `font-weight:bold;line-height:22px;color:#ffffff;text-decoration:none;text-align:center;border-radius:8px">`,
    `${escapeHtml(label)}</a></td></tr></table>`,
  ].join("")
}

/** A heading: `h1` for the email's title, `h2` for a part of it. */
export const heading = (text: string, level: 1 | 2 = 1) =>
  `<h${level} style="margin:0 0 12px 0;font-size:${level === 1 ? 22 : 18}px;line-height:1.3;font-weight:bold">${escapeHtml(text)}</h${level}>`

export const paragraph = (text: string, muted = false) =>
  muted
    ? `<p class="esim-muted" style="margin:0 0 12px 0;font-size:14px;line-height:1.5;color:${COLORS.muted}">${escapeHtml(text)}</p>`
    : `<p style="margin:0 0 12px 0;font-size:16px;line-height:1.5">${escapeHtml(text)}</p>`

/** A code the shopper may type: left to right even in Arabic, and free to wrap at 320 px. */
export const code = (text: string) =>
  `<span class="esim-code" dir="ltr" style="font-family:Menlo,Consolas,monospace;font-size:14px;background:${COLORS.code};padding:2px 4px;border-radius:4px;word-break:break-all;unicode-bidi:isolate">${escapeHtml(text)}</span>`

function header(look: ResolvedLook): string {
  const name = escapeHtml(look.storeName)
  const logo = look.logoUrl
    ? `<img src="${escapeHtml(look.logoUrl)}" alt="${name}" height="40" style="display:block;height:40px;width:auto;max-width:100%;border:0">`
    : `<span style="font-size:18px;font-weight:bold">${name}</span>`
  return `<tr><td style="padding:20px 20px 8px 20px;text-align:${align(look)}">${logo}</td></tr>`
}

/**
 * A complete email document: one centered column at most 600 px wide that shrinks to any
 * screen (no content wider than 320 px), `lang` and `dir` on the root, light and dark schemes.
 * `body` is HTML already escaped by the helpers above.
 */
export function emailDocument(look: ResolvedLook, subject: string, body: string[]): string {
  const footer = escapeHtml(look.words.email.footer(look.storeName))
  return [
    `<!DOCTYPE html>`,
    `<html lang="${look.locale}" dir="${look.dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">`,
    `<title>${escapeHtml(subject)}</title><style>${DARK_CSS}</style></head>`,
    `<body class="esim-page" style="margin:0;padding:0;background:${COLORS.page}">`,
    `<table role="presentation" class="esim-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.page}">`,
    `<tr><td align="center" style="padding:16px 8px">`,
    `<table role="presentation" class="esim-card" dir="${look.dir}" width="100%" cellpadding="0" cellspacing="0" border="0"`,
    ` style="max-width:600px;background:${COLORS.card};color:${COLORS.text};border-radius:8px;font-family:${FONT};text-align:${align(look)}">`,
    header(look),
    `<tr><td style="padding:8px 20px 12px 20px">`,
    ...body,
    `</td></tr>`,
    `<tr><td class="esim-muted" style="padding:0 20px 20px 20px;font-size:13px;line-height:1.5;color:${COLORS.muted}">${footer}</td></tr>`,
    `</table></td></tr></table></body></html>`,
  ].join("\n")
}

/** The plain-text part: blocks separated by a blank line, the store's line last. */
export function emailText(look: ResolvedLook, blocks: string[]): string {
  return [...blocks.filter(Boolean), `-- \n${look.words.email.footer(look.storeName)}`].join("\n\n")
}
