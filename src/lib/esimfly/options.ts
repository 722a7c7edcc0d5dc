import { z } from "zod"

import { EsimflyOptionsError } from "./errors"

/** Production base URL of the business API (docs: beyond-the-reference.md, "Base and authentication"). */
export const ESIMFLY_DEFAULT_BASE_URL = "https://esimfly.net/api/v1/business"

const URL_MESSAGE = "must be a valid http(s) URL"

function requiredString() {
  return z
    .string({
      error: (issue) => (issue.input == null ? "is required" : "must be a string"),
    })
    .trim()
    .min(1, { error: "must be a non-empty string" })
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    const http = url.protocol === "http:" || url.protocol === "https:"
    return http && !url.search && !url.hash
  } catch {
    return false
  }
}

function numericString(value: unknown): unknown {
  return typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value
}

/** An integer option with a range and a default; numeric strings (env vars) are accepted. */
export function integerOption(min: number, max: number, fallback: number) {
  const message = `must be an integer between ${min} and ${max}`
  const integer = z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
  return z.preprocess(numericString, integer).default(fallback)
}

/** A boolean option with a default; "true"/"false" strings (env vars) are accepted. */
export function booleanOption(fallback: boolean) {
  const fromText = (value: unknown) => (value === "true" ? true : value === "false" ? false : value)
  return z.preprocess(fromText, z.boolean({ error: "must be true or false" })).default(fallback)
}

/** The option keys shared by the esim module and the fulfillment provider; `.extend()` it for more. */
export const esimflyOptionsShape = {
  /** Business API access code (RT-AccessCode). */
  accessCode: requiredString(),
  /** Business API secret; only ever used to sign, never echoed. */
  secretKey: requiredString(),
  /** Base URL without a trailing slash; point it at the sandbox in tests. */
  baseUrl: z
    .string({ error: URL_MESSAGE })
    .trim()
    .refine(isHttpUrl, { error: URL_MESSAGE })
    .transform((value) => value.replace(/\/+$/, ""))
    .default(ESIMFLY_DEFAULT_BASE_URL),
  /** Per-attempt timeout of GET requests. */
  timeoutMs: integerOption(1000, 120000, 15000),
  /** Timeout of the single create-order request; provisioning can take seconds. */
  orderTimeoutMs: integerOption(1000, 300000, 60000),
  /** Retries of a failed GET; create-order is never retried. */
  maxRetries: integerOption(0, 10, 3),
  /** Base of the exponential backoff. */
  retryBaseMs: integerOption(1, 60000, 500),
  /** Cap of the backoff, and the longest server-requested wait the client will sit out. */
  retryMaxMs: integerOption(1, 600000, 10000),
  /** Pace every request of the account through one shared limiter (docs/esimfly-client.md, "Rate-limit pacing"). */
  rateLimitPacing: booleanOption(true),
  /** Longest wait for a request slot; a longer one fails with EsimflyRateLimitError (RATE_LIMIT_WAIT_TOO_LONG), unsent. */
  rateLimitMaxWaitMs: integerOption(0, 3600000, 120000),
}

const esimflyOptionsStrictSchema = z.object(esimflyOptionsShape)

/** Options schema; unknown keys pass through so a module can carry its own. */
export const esimflyOptionsSchema = esimflyOptionsStrictSchema.loose()

/** Validated options with defaults applied. */
export type EsimflyOptions = z.output<typeof esimflyOptionsStrictSchema>

/** What a caller may pass before defaults are applied. */
export type EsimflyOptionsInput = Pick<EsimflyOptions, "accessCode" | "secretKey"> &
  Partial<Omit<EsimflyOptions, "accessCode" | "secretKey">>

function describeIssue(issue: z.core.$ZodIssue): string {
  const option = issue.path.map(String).join(".")
  return option ? `option "${option}" ${issue.message}` : "options must be an object"
}

/** Parses options with any schema, naming every offending option in one error. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw)
  if (result.success) {
    return result.data
  }
  const issues = result.error.issues
  throw new EsimflyOptionsError({
    message: `esimfly: ${issues.map(describeIssue).join("; ")}`,
    option: issues[0]?.path.map(String).join(".") || null,
  })
}

/** Validates options once, at load, and names the offending option in the error. */
export function parseEsimflyOptions(raw: unknown): EsimflyOptions {
  return parseOptions(esimflyOptionsSchema, raw)
}
