import { z } from "zod"

const CURRENCY = "must be a 3-letter currency code"
const AMOUNTS = 'must map 3-letter currency codes to amounts ≥ 0, e.g. { "usd": 0.5 }'
const ROUNDING = 'must be "none", "whole", "0.99" or { "step": <amount> }'

const numberIn = (min: number, max: number) => {
  const message = `must be a number between ${min} and ${max}`
  return z.coerce.number({ error: message }).min(min, { error: message }).max(max, { error: message })
}

const currencyCode = z
  .string({ error: CURRENCY })
  .regex(/^[a-zA-Z]{3}$/, { error: CURRENCY })
  .toLowerCase()

/** `{ usd: 0.5, eur: 0.45 }`, keys lower-cased. */
const amountsByCurrency = z
  .record(
    z.string().regex(/^[a-zA-Z]{3}$/, { error: AMOUNTS }),
    z.number({ error: AMOUNTS }).min(0, { error: AMOUNTS }),
    { error: AMOUNTS }
  )
  .transform((amounts) =>
    Object.fromEntries(Object.entries(amounts).map(([code, amount]) => [code.toLowerCase(), amount]))
  )

const rounding = z.union(
  [z.enum(["none", "whole", "0.99"]), z.object({ step: z.number().positive().max(1000000) }).strict()],
  { error: ROUNDING }
)

const packageOverride = z
  .object({
    markupPercent: numberIn(-100, 10000).optional(),
    fixedAmount: amountsByCurrency.optional(),
    price: amountsByCurrency.optional(),
  })
  .strict()

/** Option `pricing`: selling price = cost × (1 + markupPercent / 100) + fixedAmount[currency], rounded up. */
export const pricingOptionSchema = z
  .object({
    /** Store currencies to price in; a cost in another currency needs an `exchangeRates` entry. */
    currencies: z
      .array(currencyCode, { error: "must be a list of 3-letter currency codes" })
      .min(1, { error: "must name at least one currency" })
      .default(["usd"]),
    /** Markup on the esimfly cost, in percent. */
    markupPercent: numberIn(-100, 10000).default(30),
    /** Amount added after the markup, per store currency. */
    fixedAmount: amountsByCurrency.default({}),
    /** "none" (cents), "whole", "0.99" or { step }; always rounds up. */
    rounding: rounding.default("0.99"),
    /** A variant whose margin is under this percentage is flagged `esimfly_below_floor`. */
    marginFloorPercent: numberIn(-100, 100).default(10),
    /** Per package code: `{ markupPercent?, fixedAmount?, price? }`. */
    overrides: z
      .record(z.string().min(1), packageOverride, {
        error: "must map package codes to { markupPercent?, fixedAmount?, price? }",
      })
      .default({}),
  })
  .strict()
  .prefault({})

const list = <T extends z.ZodType>(item: T, message: string) => z.array(item, { error: message }).optional()

/** Option `catalogue`: the merchant's filters; every given filter must match. */
export const catalogueOptionSchema = z
  .object({
    /** Package types to sell. */
    types: list(
      z.enum(["local", "regional", "global"], { error: 'must be "local", "regional" or "global"' }),
      'must be a list of "local", "regional", "global"'
    ),
    /** esimfly region names, e.g. "Europe". */
    regions: list(z.string().trim().min(1), "must be a list of region names"),
    /** ISO 3166-1 alpha-2 codes; a package covering any of them matches. */
    countries: list(
      z
        .string()
        .regex(/^[a-zA-Z]{2}$/, { error: "must be a list of 2-letter country codes" })
        .toUpperCase(),
      "must be a list of 2-letter country codes"
    ),
    /** Exact package codes. */
    packageCodes: list(z.string().trim().min(1), "must be a list of package codes"),
  })
  .strict()
  .prefault({})

/** Option `pricing` with defaults applied. */
export type PricingOption = z.output<typeof pricingOptionSchema>
/** Option `catalogue` as parsed. */
export type CatalogueOption = z.output<typeof catalogueOptionSchema>
