import { z } from "zod"

import { EsimflyOptionsError } from "../errors"
import { ESIMFLY_DEFAULT_BASE_URL, esimflyOptionsShape, parseEsimflyOptions } from "../options"

const valid = { accessCode: "esf_access", secretKey: "sk_secret_value" }

function messageOf(raw: unknown): string {
  try {
    parseEsimflyOptions(raw)
  } catch (error) {
    expect(error).toBeInstanceOf(EsimflyOptionsError)
    return (error as Error).message
  }
  throw new Error("expected parseEsimflyOptions to throw")
}

describe("parseEsimflyOptions", () => {
  it("applies the defaults", () => {
    expect(parseEsimflyOptions(valid)).toEqual({
      ...valid,
      baseUrl: ESIMFLY_DEFAULT_BASE_URL,
      timeoutMs: 15000,
      orderTimeoutMs: 60000,
      maxRetries: 3,
      retryBaseMs: 500,
      retryMaxMs: 10000,
      rateLimitPacing: true,
      rateLimitMaxWaitMs: 120000,
    })
  })

  it("names secretKey when it is missing", () => {
    expect(messageOf({ accessCode: "esf_access" })).toBe('esimfly: option "secretKey" is required')
  })

  it("names accessCode when it is blank", () => {
    expect(messageOf({ ...valid, accessCode: "  " })).toContain('option "accessCode"')
  })

  it("names baseUrl when it is not an http(s) URL", () => {
    expect(messageOf({ ...valid, baseUrl: "ftp://example.com" })).toBe(
      'esimfly: option "baseUrl" must be a valid http(s) URL'
    )
    expect(messageOf({ ...valid, baseUrl: "not a url" })).toContain('"baseUrl"')
  })

  it("strips a trailing slash from baseUrl", () => {
    expect(parseEsimflyOptions({ ...valid, baseUrl: "http://127.0.0.1:4010/api/v1/business/" }).baseUrl).toBe(
      "http://127.0.0.1:4010/api/v1/business"
    )
  })

  it("rejects a timeout out of range and names it", () => {
    expect(messageOf({ ...valid, timeoutMs: 10 })).toBe(
      'esimfly: option "timeoutMs" must be an integer between 1000 and 120000'
    )
    expect(messageOf({ ...valid, maxRetries: 11 })).toContain('"maxRetries"')
  })

  it("accepts numeric strings, as environment variables are", () => {
    expect(parseEsimflyOptions({ ...valid, timeoutMs: "20000" }).timeoutMs).toBe(20000)
  })

  it("keeps unknown keys so a module can carry its own options", () => {
    expect(parseEsimflyOptions({ ...valid, pollIntervalMs: 30000 })).toMatchObject({ pollIntervalMs: 30000 })
  })

  it("exports a shape others can extend", () => {
    const extended = z.object(esimflyOptionsShape).extend({ lowBalanceAlert: z.number().default(10) })
    expect(extended.parse(valid).lowBalanceAlert).toBe(10)
  })

  it("never echoes the secret key", () => {
    const message = messageOf({ accessCode: "", secretKey: "sk_LEAKCANARY_0123456789", timeoutMs: "x" })
    expect(message).not.toContain("LEAKCANARY")
    expect(message).toContain('"accessCode"')
    expect(message).toContain('"timeoutMs"')
  })

  it("rejects options that are not an object", () => {
    expect(messageOf(undefined)).toBe("esimfly: options must be an object")
  })
})
