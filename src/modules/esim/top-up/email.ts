import { EmailLook, emailDocument, emailText, heading, paragraph, resolveLook } from "../email"
import type { EsimTopUpRow } from "../models/esim-top-up"
import { formatDataMb } from "../words"

export const TOPPED_UP_TEMPLATE = "esim-topped-up"

export type ToppedUpEmailInput = Pick<
  EsimTopUpRow,
  "id" | "order_id" | "iccid" | "package_code" | "package_name" | "data_mb" | "total_mb_after"
> & { email: string; look?: EmailLook }

/**
 * The `esim-topped-up` notification: `data` for providers with their own templates, and
 * ready `content` for those without. Every esimfly field is escaped in the HTML.
 */
export function toppedUpNotification(input: ToppedUpEmailInput) {
  const look = resolveLook(input.look)
  const words = look.words.toppedUp
  const plan = input.package_name ?? input.package_code
  const amount = input.data_mb ? formatDataMb(input.data_mb, look.locale) : null
  const lines = [
    words.added(plan, amount, input.iccid),
    ...(input.total_mb_after ? [words.total(formatDataMb(input.total_mb_after, look.locale))] : []),
    words.nothingToInstall,
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
      locale: look.locale,
      dir: look.dir,
      store_name: look.storeName,
    },
    content: {
      subject: words.subject,
      text: emailText(look, [words.subject, ...lines]),
      html: emailDocument(look, words.subject, [heading(words.subject), ...lines.map((line) => paragraph(line))]),
    },
    resource_id: input.order_id,
    resource_type: "order",
    idempotency_key: `esim-topped-up:${input.id}`,
  }
}
