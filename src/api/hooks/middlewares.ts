import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"

const MAX_BODY_BYTES = 1024 * 1024

/**
 * Keeps the exact bytes esimfly signed in `req.rawBody`. Medusa's JSON parser is off for this
 * route (rather than `preserveRawBody`) because it answers a malformed body itself, before the
 * signature is checked, and an authentic but unreadable delivery must be stored, not refused.
 */
async function readRawBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += bytes.length
    if (size > MAX_BODY_BYTES) {
      res.status(413).json({ message: "body too large" })
      return
    }
    chunks.push(bytes)
  }
  req.rawBody = Buffer.concat(chunks)
  next()
}

export const esimflyHookMiddlewares: MiddlewareRoute[] = [
  { methods: ["POST"], matcher: "/hooks/esimfly", bodyParser: false, middlewares: [readRawBody] },
]
