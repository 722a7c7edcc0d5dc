import { NotificationTypes } from "@medusajs/framework/types"

type Notification = NotificationTypes.ProviderSendNotificationDTO

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

/** Swaps every `cid:<id>` for its attachment as a `data:` URL, so a browser shows inline images. */
export function inlineAttachments(html: string, attachments: Notification["attachments"]): string {
  return (attachments ?? []).reduce((out, attachment) => {
    if (!attachment.id) {
      return out
    }
    const url = `data:${attachment.content_type ?? "application/octet-stream"};base64,${attachment.content}`
    return out.split(`cid:${attachment.id}`).join(url)
  }, html)
}

/** The message's own HTML as a mail client shows it (QR codes inlined), for a browser or a screenshot. */
export function renderMessage(notification: Notification): string {
  return inlineAttachments(notification.content?.html ?? "", notification.attachments)
}

function body(notification: Notification): string {
  const content = notification.content
  if (content?.html) {
    return renderMessage(notification)
  }
  const fallback = content?.text ?? JSON.stringify(notification.data ?? {}, null, 2)
  return `<pre>${escapeHtml(fallback)}</pre>`
}

/** One self-contained HTML page: a mail-client-like header, then the message as sent. */
export function renderEmailPage(notification: Notification, sentAt: Date): string {
  const subject = notification.content?.subject ?? `(${notification.template})`
  const rows = [
    ["To", notification.to],
    ["Subject", subject],
    ["Template", notification.template],
    ["Channel", notification.channel],
    ["Time", sentAt.toISOString()],
  ]
  const header = rows
    .map(([name, value]) => `<tr><th align="left">${name}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n")
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; max-width: 720px; margin: 2em auto">',
    '<table style="background: #f4f4f5; padding: .5em 1em; width: 100%; box-sizing: border-box; border-radius: 6px">',
    header,
    "</table>",
    "<hr/>",
    body(notification),
    "</body></html>",
    "",
  ].join("\n")
}
