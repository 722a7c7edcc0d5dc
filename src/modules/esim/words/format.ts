import { Locale } from "./locale"

/** The Intl tag of each locale: CLDR's own defaults for digits and units. */
const INTL_TAG: Record<Locale, string> = { en: "en", ar: "ar" }

const MB_PER_GB = 1024

/** A number in the locale's digits and separators. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2 }).format(value)
}

/** A data amount in the locale's units: MB under 1 GB, else GB to two decimals (1 GB = 1024 MB, as esimfly counts). */
export function formatDataMb(mb: number, locale: Locale): string {
  const gb = mb >= MB_PER_GB
  return new Intl.NumberFormat(INTL_TAG[locale], {
    style: "unit",
    unit: gb ? "gigabyte" : "megabyte",
    unitDisplay: "short",
    maximumFractionDigits: gb ? 2 : 0,
  }).format(gb ? mb / MB_PER_GB : mb)
}

/** A date and time in the locale, always in UTC and saying so: a traveller's phone may be in any zone. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(date))
}

/** The plural category of `count` in the locale (Arabic has six). */
export function pluralOf(count: number, locale: Locale): Intl.LDMLPluralRule {
  return new Intl.PluralRules(INTL_TAG[locale]).select(count)
}
