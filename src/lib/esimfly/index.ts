export {
  esimStatusInputSchema,
  listEsimsParamsSchema,
  listTopupPackagesParamsSchema,
  orderTopupInputSchema,
  setWebhookInputSchema,
  usageQueryInputSchema,
} from "./after-sale-inputs"
export type {
  EsimStatusInput,
  ListEsimsParams,
  ListTopupPackagesParams,
  OrderTopupInput,
  UsageQueryInput,
} from "./after-sale-inputs"
export { parseEsimflyDateTime } from "./after-sale-normalize"
export * from "./after-sale-schemas"
export type * from "./after-sale-types"
export { EsimflyClient } from "./client"
export type { EsimflyClientConfig } from "./client"
export * from "./errors"
export { createOrderInputSchema, listOrdersParamsSchema, listPackagesParamsSchema } from "./inputs"
export type { CreateOrderInput, ListOrdersParams, ListPackagesParams } from "./inputs"
export {
  ANDROID_INSTALL_URL,
  APPLE_INSTALL_URL,
  buildAndroidInstallUrl,
  buildAppleInstallUrl,
  lpaFromInstallUrl,
  parseLpa,
} from "./lpa"
export { httpsOnly, isWebhookUrl } from "./https-url"
export type { LpaParts } from "./lpa"
export {
  ESIMFLY_DEFAULT_BASE_URL,
  booleanOption,
  esimflyOptionsSchema,
  esimflyOptionsShape,
  integerOption,
  parseEsimflyOptions,
  parseOptions,
} from "./options"
export type { EsimflyOptions, EsimflyOptionsInput } from "./options"
export { readRateLimit } from "./rate-limit"
export type { RateLimitState } from "./rate-limit"
export * from "./rate-pacer"
export { backoffMs, parseRateLimitReset, parseRetryAfter, planRetry, shouldRetry } from "./retry-policy"
export type { RetryPolicy } from "./retry-policy"
export * from "./schemas"
export { signRequest } from "./sign"
export type { SignInput } from "./sign"
export type { EsimflyLogger, FetchLike } from "./transport"
export type * from "./types"
export { WEBHOOK_EVENTS, parseWebhookEvent, webhookEventSchema } from "./webhook-event"
export type {
  EsimflyWebhookEvent,
  KnownWebhookEvent,
  UnknownWebhookEvent,
  WebhookEventName,
  WebhookParseResult,
} from "./webhook-event"
export { verifyWebhookSignature } from "./webhook-signature"
