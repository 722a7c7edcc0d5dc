import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * Answers 404 for an `:id` no record could have (a NUL byte, SQL, 5,000 characters), before it
 * reaches the database, which would turn some of them into a 500.
 */
export function requireSafeIdParam(notFound: (id: string) => MedusaError, param = "id") {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const id = req.params[param] ?? ""
    next(SAFE_ID.test(id) ? undefined : notFound(id.replace(/[^\x20-\x7e]/g, "?").slice(0, 100)))
  }
}
