import type { EsimTopUpRow } from "../models/esim-top-up"

export const TOPPED_UP_TEMPLATE = "esim-topped-up"

export type ToppedUpEmailInput = Pick<
  EsimTopUpRow,
  "id" | "order_id" | "iccid" | "package_code" | "package_name" | "data_mb" | "total_mb_after"
> & { email: string }

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const gb = (mb: number) => `${Math.round((mb / 1024) * 100) / 100} GB`

/**
 * The `esim-topped-up` notification: `data` for providers with their own templates, and
 * ready `content` for those without. Every esimfly field is escaped in the HTML.
 */
export function toppedUpNotification(input: ToppedUpEmailInput) {
  const plan = input.package_name ?? input.package_code
  const subject = "Your eSIM was topped up"
  const lines = [
    `${plan}${input.data_mb ? ` (${gb(input.data_mb)})` : ""} was added to your eSIM ${input.iccid}.`,
    ...(input.total_mb_after ? [`It now has ${gb(input.total_mb_after)} in total.`] : []),
    "Nothing to install: keep using the eSIM as before.",
  ]
  return {
    to: input.email,
    channel: "email",
    template: TOPPED_UP_TEMPLATE,
    data: {
      order_id: input.order_id,
      top_up_id: input.id,
      iccid: input.iccid,
      package_code: input.package_code,
      package_name: input.package_name,
      data_mb: input.data_mb,
      total_mb_after: input.total_mb_after,
    },
    content: {
      subject,
      text: [subject, ...lines].join("\n\n"),
      html: [`<h1>${subject}</h1>`, ...lines.map((line) => `<p>${escapeHtml(line)}</p>`)].join("\n"),
    },
    resource_id: input.order_id,
    resource_type: "order",
    idempotency_key: `esim-topped-up:${input.id}`,
  }
}
