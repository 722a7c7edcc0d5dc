import { MedusaError } from "@medusajs/framework/utils"
import {
  EsimflyAuthenticationError,
  EsimflyError,
  EsimflyInsufficientBalanceError,
  EsimflyInvalidRequestError,
  EsimflyRateLimitError,
} from "../../../lib/esimfly"

/** Turns an esimfly failure into a MedusaError by cause, so the admin sees words, not a bare 500. */
export function toMedusaError(error: unknown): Error {
  if (!(error instanceof EsimflyError)) {
    return error instanceof Error ? error : new Error(String(error))
  }
  // No status: the client rejected the input itself, nothing reached esimfly.
  if (error instanceof EsimflyInvalidRequestError && error.status === undefined) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
  }
  if (error instanceof EsimflyInsufficientBalanceError) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, error.message)
  }
  if (error instanceof EsimflyAuthenticationError) {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `esimfly refused the plugin's credentials (${error.code}); check accessCode and secretKey`
    )
  }
  if (error instanceof EsimflyRateLimitError) {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "esimfly's rate limit is used up; try again in a minute")
  }
  if (error.status && error.status >= 400 && error.status < 500) {
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `esimfly refused the request (${error.code}): ${error.message}`
    )
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `esimfly is unavailable (${error.code}): ${error.message}`)
}

/** Runs an esimfly call for a route, mapping its failure. */
export async function callEsimfly<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw toMedusaError(error)
  }
}
