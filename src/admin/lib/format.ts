import { FetchError } from "@medusajs/js-sdk"
import { EsimOrder, Numeric } from "./types"

const EMPTY = "—"

/** A number from the API, where big numbers may arrive as strings; null when absent or not a number. */
export function toNumber(value: Numeric | null | undefined): number | null {
  if (value === null || value === undefined || value === "") {
    return null
  }
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** "12.40 USD": the amount with its currency's decimals and the ISO code, for sentences and mixed lists. */
export function formatAmount(value: Numeric | null | undefined, currency?: string | null): string {
  const amount = toNumber(value)
  if (amount === null) {
    return EMPTY
  }
  const code = currency?.toUpperCase()
  const digits = code ? fractionDigits(code) : 2
  const number = new Intl.NumberFormat(undefined, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount)
  return code ? `${number} ${code}` : number
}

/** "$12.40": money in its own currency's symbol; falls back to formatAmount for codes Intl does not know. */
export function formatMoney(value: Numeric | null | undefined, currency?: string | null): string {
  const amount = toNumber(value)
  if (amount === null || !currency) {
    return formatAmount(value, currency)
  }
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return formatAmount(amount, currency)
  }
}

/** A date and time in the admin's locale, or a dash. */
export function formatDateTime(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) {
    return EMPTY
  }
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

/** A time of day in the admin's locale ("14:00"), or a dash. */
export function formatTime(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) {
    return EMPTY
  }
  return new Intl.DateTimeFormat(undefined, { timeStyle: "short" }).format(date)
}

/** "3 minutes ago", for freshness hints such as the balance's as-of time. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000)
  if (!Number.isFinite(seconds)) {
    return EMPTY
  }
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ]
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ["second", 1]
  return format.format(Math.round(seconds / size), unit)
}

/** "1 GB", "500 MB" or "Unlimited". */
export function formatData(gb: number | null | undefined, unlimited?: boolean | null): string {
  if (unlimited) {
    return "Unlimited"
  }
  if (gb === null || gb === undefined) {
    return EMPTY
  }
  return gb < 1 ? `${Math.round(gb * 1024)} MB` : `${gb} GB`
}

/** "1 day", "30 days". */
export function formatValidity(days: number | null | undefined): string {
  return days === null || days === undefined ? EMPTY : `${days} ${days === 1 ? "day" : "days"}`
}

/** Whether a URL can be shown as is; esimfly may send paths relative to its own host, which would break here. */
export function isAbsoluteUrl(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url)
}

/** What a failed admin request says, for a toast or an error state. */
export function requestErrorText(error: unknown): string {
  if (error instanceof FetchError || error instanceof Error) {
    return error.message || "The request failed"
  }
  return "The request failed"
}

type ErrorSource = Pick<
  EsimOrder,
  "error_code" | "error_message" | "package_code" | "current_balance" | "required_balance"
>

const CREDENTIALS = "esimfly refused the plugin's credentials; check accessCode and secretKey"

const PLAIN_WORDS: Record<string, (esimOrder: ErrorSource, currency?: string | null) => string> = {
  INSUFFICIENT_BALANCE: (esimOrder, currency) =>
    esimOrder.current_balance == null || esimOrder.required_balance == null
      ? "esimfly balance too low for this purchase; top up at esimfly, then retry"
      : `esimfly balance too low: ${formatAmount(esimOrder.current_balance, currency)}, needs ${formatAmount(esimOrder.required_balance, currency)}`,
  INVALID_PACKAGE: (esimOrder) =>
    `esimfly does not sell package ${esimOrder.package_code} (check the variant's package code)`,
  MISSING_PACKAGE_CODE: () => "the variant has no esimfly package code",
  ORDER_OUTCOME_UNKNOWN: () => "esimfly did not answer; retry looks the order up before buying again",
  UNEXPECTED_ERROR: () =>
    "the purchase was interrupted by an unexpected error; retry looks the order up before buying again",
  PENDING_TIMEOUT: () => "esimfly has not delivered the details yet",
  ORDER_PROCESSING_ERROR: () => "esimfly could not process the order; no balance was taken",
  RATE_LIMIT_EXCEEDED: () => "esimfly's rate limit was hit; try again in a minute",
  INVALID_TIMESTAMP: () => "the server clock is more than 5 minutes off esimfly's",
  INVALID_SIGNATURE: () => CREDENTIALS,
  INVALID_API_KEY: () => CREDENTIALS,
  INVALID_USER: () => CREDENTIALS,
  AUTHENTICATION_REQUIRED: () => CREDENTIALS,
  CANCELED_BY_MERCHANT: () => "canceled before it was bought; it will not be bought",
}

/**
 * Why an eSIM order stopped, in words an admin can act on; null when nothing went wrong.
 * The balance currency is not stored on the eSIM order, so the caller passes it when known.
 */
export function esimOrderErrorText(esimOrder: ErrorSource, balanceCurrency?: string | null): string | null {
  const words = esimOrder.error_code ? PLAIN_WORDS[esimOrder.error_code] : undefined
  if (words) {
    return words(esimOrder, balanceCurrency)
  }
  return esimOrder.error_message ?? esimOrder.error_code ?? null
}
