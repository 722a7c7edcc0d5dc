/** The shipped locales; every table in this folder has exactly these. */
export const LOCALES = ["en", "ar"] as const

export type Locale = (typeof LOCALES)[number]

export type TextDirection = "ltr" | "rtl"

const RTL: readonly Locale[] = ["ar"]

export const DEFAULT_LOCALE: Locale = "en"

/** The shipped locale of a BCP 47 tag ("ar-SA" → "ar"), or null when none is shipped. */
export function toLocale(tag: string | null | undefined): Locale | null {
  const primary = typeof tag === "string" ? tag.trim().toLowerCase().split(/[-_]/)[0] : ""
  return LOCALES.find((locale) => locale === primary) ?? null
}

/** Which way the locale's text runs, for `dir` on the root element. */
export function dir(locale: Locale): TextDirection {
  return RTL.includes(locale) ? "rtl" : "ltr"
}

/**
 * The first candidate that names a shipped locale, else English: the order's `locale`
 * (Medusa 2.21 copies the cart's onto the order), then metadata, then the `locale` option.
 */
export function resolveLocale(candidates: unknown[]): Locale {
  for (const candidate of candidates) {
    const locale = typeof candidate === "string" ? toLocale(candidate) : null
    if (locale) {
      return locale
    }
  }
  return DEFAULT_LOCALE
}
