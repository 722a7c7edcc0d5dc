/**
 * Every text the plugin shows a shopper, in one table per locale (English and Arabic, which
 * runs right to left), and the Intl formatting of dates, data amounts and numbers.
 */
import { ar } from "./ar"
import { en, Words } from "./en"
import { Locale, toLocale } from "./locale"

export { formatDataMb, formatDateTime, formatNumber, pluralOf } from "./format"
export { DEFAULT_LOCALE, dir, LOCALES, resolveLocale, toLocale } from "./locale"
export type { Locale, TextDirection } from "./locale"
export type { Words } from "./en"

export const WORDS: Record<Locale, Words> = { en, ar }

/** The words of a locale or BCP 47 tag; English for anything not shipped, never a throw. */
export function wordsFor(locale: string | null | undefined): Words {
  return WORDS[toLocale(locale) ?? "en"]
}
