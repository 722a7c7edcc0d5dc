import { httpsOnly } from "../../../lib/esimfly"
import { dir, Locale, TextDirection, wordsFor, Words } from "../words"

/** What every shopper email shares: the locale and the store's name and logo. */
export type EmailLook = {
  locale: Locale
  /** The Store Module's store name; the words' fallback when the store has none. */
  store_name?: string | null
  /** Option `logoUrl` (https only). */
  logo_url?: string | null
}

export const DEFAULT_LOOK: EmailLook = { locale: "en" }

/** The look with its words and direction worked out, the logo dropped unless https. */
export type ResolvedLook = {
  locale: Locale
  dir: TextDirection
  words: Words
  storeName: string
  logoUrl: string | null
}

export function resolveLook(look: EmailLook = DEFAULT_LOOK): ResolvedLook {
  const words = wordsFor(look.locale)
  return {
    locale: look.locale,
    dir: dir(look.locale),
    words,
    storeName: look.store_name?.trim() || words.email.storeFallback,
    logoUrl: httpsOnly(look.logo_url),
  }
}
