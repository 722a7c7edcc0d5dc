import { z } from "zod"

import { isWebhookUrl } from "./https-url"
import { integer, nonBlank, positiveInteger } from "./inputs"
import { WEBHOOK_EVENTS } from "./webhook-event"

/** `PUT /webhooks`: an HTTPS URL (docs: webhooks.md, "HTTPS only"; loopback http for the sandbox) and known events. */
export const setWebhookInputSchema = z.object({
  url: z.string({ error: "must be a string" }).refine(isWebhookUrl, {
    error: "must be an absolute https URL (http only on localhost or 127.0.0.1)",
  }),
  events: z.array(z.enum(WEBHOOK_EVENTS), { error: "must list known events" }).min(1, { error: "must list an event" }),
})

/** `GET /esims` filters (docs: esims.md; `limit` ≤ 100). */
export const listEsimsParamsSchema = z.object({
  status: z.enum(["all", "NEW", "ACTIVE", "EXPIRED", "CANCELLED", "DEPLETED", "DELETED"]).optional(),
  limit: integer(1, 100).optional(),
  page: positiveInteger.optional(),
})

/** `GET /esims/usage/query`: exactly one of `iccid` and `order_id` (docs: esims-usage.md). */
export const usageQueryInputSchema = z
  .object({ iccid: nonBlank.optional(), orderReference: nonBlank.optional() })
  .refine((input) => (input.iccid === undefined) !== (input.orderReference === undefined), {
    error: "give exactly one of iccid and orderReference",
  })

/** `POST /esims/status`: exactly one of `iccid` and `esimId` (docs: esim-status.md). */
export const esimStatusInputSchema = z
  .object({ iccid: nonBlank.optional(), esimId: positiveInteger.optional() })
  .refine((input) => (input.iccid === undefined) !== (input.esimId === undefined), {
    error: "give exactly one of iccid and esimId",
  })

/** `GET /topup/packages` (docs: topup-packages.md; `iccid` required, `limit` ≤ 100). */
export const listTopupPackagesParamsSchema = z.object({
  iccid: nonBlank,
  page: positiveInteger.optional(),
  limit: integer(1, 100).optional(),
})

/** `POST /topup/order` (docs: topup-order.md; `quantity` defaults to 1, no maximum documented). */
export const orderTopupInputSchema = z.object({
  iccid: nonBlank,
  packageCode: nonBlank,
  quantity: positiveInteger.default(1),
})

export type ListEsimsParams = z.input<typeof listEsimsParamsSchema>
export type UsageQueryInput = { iccid: string; orderReference?: never } | { orderReference: string; iccid?: never }
export type EsimStatusInput = { iccid: string; esimId?: never } | { esimId: number; iccid?: never }
export type ListTopupPackagesParams = z.input<typeof listTopupPackagesParamsSchema>
export type OrderTopupInput = z.input<typeof orderTopupInputSchema>
