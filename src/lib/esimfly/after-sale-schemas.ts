import { z } from "zod"

import { wireAmount, wirePaginationSchema } from "./schemas"

/*
 * Wire format of the after-sale endpoints (docs: lifecycle.md), spelled as esimfly sends it.
 * Fields the docs mark optional, or that only some eSIMs have, are nullish.
 */

const text = z.string().nullish()
const amount = wireAmount.nullish()
const flag = z.boolean().nullish()
/** MCC/MNC and similar codes: strings in the docs, numbers tolerated. */
const code = z.union([z.string(), z.number().transform(String)]).nullish()

/** Successful `PUT /webhooks`: the only answer that shows the secret. */
export const setWebhookResponseSchema = z.object({
  success: z.literal(true),
  message: text,
  webhook: z.object({ url: z.string().min(1), secret: z.string().min(1), events: z.array(z.string()) }),
  note: text,
})

/** Successful `GET /webhooks`; `webhook` is assumed absent until a URL is set. */
export const getWebhookResponseSchema = z.object({
  success: z.literal(true),
  webhook: z.object({ url: text, events: z.array(z.string()).nullish(), api_key_name: text }).nullish(),
  available_events: z.array(z.object({ event: z.string(), description: text })).nullish(),
  recent_deliveries: z
    .array(
      z.object({
        id: code,
        event: text,
        order_reference: text,
        status: text,
        attempts: amount,
        last_attempt: text,
        delivered_at: text,
      })
    )
    .nullish(),
})

/** Data counters in MB; unlimited plans send 0 for total and remaining (docs: esims-usage.md). */
export const wireUsageDataSchema = z.object({
  total_mb: amount,
  used_mb: amount,
  remaining_mb: amount,
  usage_percentage: amount,
  is_unlimited: flag,
})

export const wireValiditySchema = z.object({
  days: amount,
  activated_at: text,
  expires_at: text,
  is_expired: flag,
})

/** Successful `GET /esims/usage/query`. */
export const usageQueryResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    esim: z.object({ iccid: z.string().min(1), order_id: text, package_name: text, status: text }),
    data: wireUsageDataSchema,
    validity: wireValiditySchema.nullish(),
  }),
})

/** One eSIM of `GET /esims` (docs: esims.md, "eSIM Fields"). */
export const wireListedEsimSchema = z.object({
  id: amount,
  iccid: z.string().min(1),
  package_name: text,
  package_code: text,
  countries: z.array(z.string()).nullish(),
  status: text,
  data: wireUsageDataSchema.nullish(),
  validity: wireValiditySchema.nullish(),
  created_at: text,
  is_pending: flag,
  phone_number: text,
  imsi: text,
  sim_status: text,
  esim_status: text,
  profile_status: text,
})

/** Successful `GET /esims`. */
export const esimsResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({ esims: z.array(wireListedEsimSchema), pagination: wirePaginationSchema }),
})

/** Successful `POST /esims/status`: a live read, in GB; network and device are null until installed. */
export const esimStatusResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    iccid: z.string().min(1),
    status: text,
    esim_status: text,
    smdp_status: text,
    profile: text,
    unlimited: flag,
    last_network: z
      .object({ operator: text, mcc: code, mnc: code, country: text, country_iso2: text, connection_type: text })
      .nullish(),
    device: z.object({ model: text, imei: text }).nullish(),
    activation_date: text,
    last_usage_date: text,
    expiry_date: text,
    data_usage: z.object({ used_gb: amount, total_gb: amount, unlimited: flag }).nullish(),
  }),
})

/** Successful `POST /topup/order` (docs: topup-order.md); `expiredTime` is human-readable, not ISO. */
export const topupOrderResponseSchema = z.object({
  success: z.literal(true),
  message: text,
  orderReference: z.string().min(1),
  iccid: text,
  packageName: text,
  newBalance: amount,
  currency: text,
  status: z.string(),
  amount,
  profit: amount,
  processing_time_ms: amount,
  esimData: z.object({ newTotalVolumeGB: amount, newRemainingVolumeGB: amount, expiredTime: text }).nullish(),
})

export type WireGetWebhookResponse = z.infer<typeof getWebhookResponseSchema>
export type WireUsageData = z.infer<typeof wireUsageDataSchema>
export type WireValidity = z.infer<typeof wireValiditySchema>
export type WireUsageQueryResponse = z.infer<typeof usageQueryResponseSchema>
export type WireListedEsim = z.infer<typeof wireListedEsimSchema>
export type WireEsimStatusResponse = z.infer<typeof esimStatusResponseSchema>
export type WireTopupOrderResponse = z.infer<typeof topupOrderResponseSchema>
