import { Currency } from "./types"

/** IQD per USD used to price the catalogue in dinars. */
export const IQD_PER_USD = 1310

/** Minor units per major unit: cents for USD, whole dinars for IQD. */
export function minorFactor(currency: Currency): number {
  return currency === "USD" ? 100 : 1
}

export function toMinor(amount: number, currency: Currency): number {
  return Math.round(amount * minorFactor(currency))
}

export function toMajor(minor: number, currency: Currency): number {
  return minor / minorFactor(currency)
}

/** A USD price in cents, expressed in the account currency's minor units. */
export function priceInCurrency(usdCents: number, currency: Currency): number {
  return currency === "USD" ? usdCents : Math.round((usdCents * IQD_PER_USD) / 100)
}

/** The profit esimfly reports back: a flat 8 % of the charge. */
export function profitOf(amountMinor: number): number {
  return Math.round((amountMinor * 8) / 100)
}
