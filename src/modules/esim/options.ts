import { z } from "zod"
import {
  booleanOption,
  esimflyOptionsShape,
  httpsOnly,
  integerOption,
  isWebhookUrl,
  parseOptions,
} from "../../lib/esimfly"
import { catalogueOptionSchema, pricingOptionSchema } from "./catalogue"
import { BUY_WHEN } from "./purchase"
import { LOCALES } from "./words"

const esimModuleOptionsSchema = z
  .object({
    ...esimflyOptionsShape,
    /** First wait before polling a pending order; esimfly advises 15–30 s. */
    pendingPollIntervalMs: integerOption(1000, 600000, 20000),
    /** Each further poll waits this factor longer… */
    pendingPollBackoff: z.coerce
      .number({ error: "must be a number between 1 and 10" })
      .min(1, { error: "must be a number between 1 and 10" })
      .max(10, { error: "must be a number between 1 and 10" })
      .default(1.5),
    /** …up to this wait. */
    pendingPollMaxIntervalMs: integerOption(1000, 3600000, 120000),
    /** A pending order older than this needs attention (esimfly: poll "up to about 10 min"). */
    pendingMaxAgeMs: integerOption(10000, 86400000, 600000),
    /** When to buy: at `order.placed`, or only once the payment is captured (docs/options.md, on `buyWhen`). */
    buyWhen: z.enum(BUY_WHEN, { error: 'must be "placed" or "captured"' }).default("placed"),
    /** Balance under which the admin shows a warning, in the esimfly account's currency. */
    lowBalanceThreshold: z.coerce
      .number({ error: "must be a number ≥ 0" })
      .min(0, { error: "must be a number ≥ 0" })
      .optional(),
    /** Refuse carts the esimfly balance cannot cover or that sell under the margin floor (docs/architecture.md, "Checkout guard"). */
    checkoutGuard: z
      .preprocess(
        (raw) => (raw === "false" ? false : raw === "true" ? true : raw),
        z.boolean({ error: "must be true or false" })
      )
      .default(true),
    /** How often the balance mirror is read from esimfly when no purchase has reported it (docs/options.md). */
    balanceRefreshIntervalMs: integerOption(60000, 86400000, 300000),
    /** The checkout guard judges by the balance mirror only while it is at most this old. */
    guardBalanceMaxAgeMs: integerOption(60000, 604800000, 1800000),
    /** …and by a package's mirrored cost only while it is at most this old. */
    guardCostMaxAgeMs: integerOption(60000, 2592000000, 604800000),
    /** Merchant-set rates for comparing esimfly costs with store revenue in another currency. */
    exchangeRates: z
      .array(
        z.object({
          from: z.string().length(3, { error: "must be a 3-letter currency code" }).toLowerCase(),
          to: z.string().length(3, { error: "must be a 3-letter currency code" }).toLowerCase(),
          rate: z.number({ error: "must be a positive number" }).positive({ error: "must be a positive number" }),
        }),
        { error: "must be a list of { from, to, rate }" }
      )
      .default([]),
    /** Storefront page that shows an order's eSIMs; the email fills in `{order_id}` and adds the token as `#token=`. */
    orderEsimsUrl: z
      .string({ error: "must be an https URL" })
      .refine(isWebhookUrl, { error: "must be an https URL (http only on localhost or 127.0.0.1)" })
      .refine((url) => !url.includes("{token}"), {
        error: "must not contain {token}: the email adds the token as #token=",
      })
      .optional(),
    /** The merchant's checkout page for a top-up cart from the hosted eSIM page; `{cart_id}` is filled in (docs/esim-page.md). */
    checkoutUrl: z
      .string({ error: "must be an https URL containing {cart_id}" })
      .trim()
      .refine((url) => isWebhookUrl(url) && url.includes("{cart_id}"), {
        error: "must be an https URL containing {cart_id} (http only on localhost or 127.0.0.1)",
      })
      .optional(),
    /** Days a guest token from the delivery email opens the order's eSIMs; a resend issues a fresh one. */
    guestAccessTtlDays: integerOption(1, 3650, 90),
    /** Pricing rules of the catalogue sync: markup, fixed amount, rounding, margin floor, overrides. */
    pricing: pricingOptionSchema,
    /** Which esimfly packages the catalogue sync sells (all when empty). */
    catalogue: catalogueOptionSchema,
    /** How long an order's lock lives unless its run extends it; the purchase is safe without it. */
    orderLockTtlS: integerOption(1, 3600, 600),
    /** How long a run waits for an order's lock; a cancel is recorded before it waits. */
    orderLockWaitS: integerOption(0, 3600, 180),
    /** Sales channel of the products the catalogue sync creates; default: the store's default channel. */
    salesChannelId: z
      .string({ error: "must be a sales channel id" })
      .trim()
      .min(1, { error: "must be a sales channel id" })
      .optional(),
    // Package-cost lookup of hand-mapped codes (docs/catalogue-sync.md, "Hand-mapped variants").
    /** Package codes the cost-lookup job searches per run, one search each, so it stays light on the rate limit. */
    costLookupBatch: integerOption(1, 100, 20),
    /** Saving a variant with a code the cost mirror lacks searches esimfly for it at once, outside the admin's request. */
    costLookupOnSave: booleanOption(true),
    /** Email the shopper (`esim-topped-up`) once a top-up is bought (docs/top-ups.md). */
    notifyToppedUp: booleanOption(true),
    /** The `whsec_…` secret esimfly signs webhooks with (docs/options.md, "Webhooks"); only ever used to verify, never logged. */
    webhookSecret: z
      .string({ error: "must be a non-empty string" })
      .trim()
      .min(1, { error: "must be a non-empty string" })
      .optional(),
    /** The store's public backend URL for "Connect webhooks" (docs/webhooks.md); default: the admin's `backendUrl`. */
    webhookUrl: z
      .string({ error: "must be an https URL" })
      .trim()
      .refine(isWebhookUrl, { error: "must be an https URL (http only on localhost or 127.0.0.1)" })
      .optional(),
    /** The usage query's cache window per ICCID: at least 5 min, as esimfly asks (docs/esim-life.md). */
    usageCacheMs: integerOption(300000, 86400000, 300000),
    /** Email `esim-usage-low` when a reading crosses a remaining-data threshold. */
    notifyUsageLow: booleanOption(true),
    /** Email `esim-expiring` a day before an eSIM expires. */
    notifyExpiring: booleanOption(true),
    /** Shopper emails' locale when neither the order nor the customer names a shipped one (docs/emails.md). */
    locale: z
      .enum(LOCALES, { error: `must be one of ${LOCALES.map((locale) => `"${locale}"`).join(", ")}` })
      .default("en"),
    /** The store's logo at the top of shopper emails: an https URL of an image (docs/emails.md). */
    logoUrl: z
      .string({ error: "must be an https URL" })
      .trim()
      .refine((url) => httpsOnly(url) !== null, { error: "must be an https URL" })
      .optional(),
  })
  .loose()

/** The plugin's options: the esimfly connection plus the pending-order policy (docs/options.md). */
export type EsimModuleOptions = z.output<typeof esimModuleOptionsSchema>

/** Validates once, at load, naming the offending option. */
export function parseEsimModuleOptions(raw: unknown): EsimModuleOptions {
  return parseOptions(esimModuleOptionsSchema, raw)
}

/** How long to wait before the next status poll of a pending order. */
export function pollDelayMs(options: EsimModuleOptions, pollCount: number): number {
  const delay = options.pendingPollIntervalMs * options.pendingPollBackoff ** pollCount
  return Math.min(options.pendingPollMaxIntervalMs, Math.round(delay))
}
