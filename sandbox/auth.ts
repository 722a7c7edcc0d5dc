import { createHmac, timingSafeEqual } from "node:crypto"
import { IncomingHttpHeaders } from "node:http"
import { SandboxCore } from "./core"
import { gatewayError } from "./replies"
import { ApiReply } from "./types"

const FIVE_MINUTES_MS = 5 * 60 * 1000
const REQUEST_ID_TTL_MS = 24 * 60 * 60 * 1000
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

export type AuthResult = { ok: true; requestId: string } | { ok: false; reply: ApiReply }

interface AuthHeaders {
  accessCode: string
  requestId: string
  timestamp: string
  signature: string
}

/** The checks of the authentication docs, in the order the real service applies them. */
export function authenticate(core: SandboxCore, headers: IncomingHttpHeaders, body: Buffer): AuthResult {
  const auth = readAuthHeaders(headers)
  if (!auth) return denied(missingAuth())
  const { options } = core
  const known = [options.accessCode, options.personalAccessCode]
  if (!known.includes(auth.accessCode)) {
    return denied(gatewayError(401, "INVALID_API_KEY", "Invalid API key"))
  }
  if (!timestampIsFresh(auth.timestamp, core.now())) {
    return denied(gatewayError(401, "INVALID_TIMESTAMP", "Request timestamp is too old or invalid"))
  }
  if (!UUID_V4.test(auth.requestId)) {
    const error = "Invalid or missing RT-RequestID header. Must be a valid UUID v4."
    return denied(gatewayError(400, "INVALID_REQUEST_ID", error))
  }
  const expected = signatureOf(options.secretKey, auth, body)
  if (!signaturesMatch(auth.signature, expected)) {
    return denied(gatewayError(401, "INVALID_SIGNATURE", "Invalid HMAC signature"))
  }
  if (auth.accessCode === options.personalAccessCode) {
    return denied(gatewayError(403, "INVALID_USER", "Invalid user or not a business account"))
  }
  if (!rememberRequestId(core, auth.requestId.toLowerCase())) {
    return denied(gatewayError(409, "DUPLICATE_REQUEST", "Request ID has already been used"))
  }
  return { ok: true, requestId: auth.requestId }
}

function readAuthHeaders(headers: IncomingHttpHeaders): AuthHeaders | null {
  const read = (name: string): string => {
    const value = headers[name]
    return typeof value === "string" ? value.trim() : ""
  }
  const auth = {
    accessCode: read("rt-accesscode"),
    requestId: read("rt-requestid"),
    timestamp: read("rt-timestamp"),
    signature: read("rt-signature"),
  }
  return Object.values(auth).every((value) => value !== "") ? auth : null
}

function missingAuth(): ApiReply {
  const message = "Please provide either Bearer token or complete HMAC signature authentication"
  return { status: 401, body: { success: false, error: "Authentication required", message } }
}

/** "Requests older than 5 minutes are automatically rejected"; the future is held to the same. */
function timestampIsFresh(timestamp: string, now: number): boolean {
  return /^\d{1,16}$/.test(timestamp) && Math.abs(now - Number(timestamp)) <= FIVE_MINUTES_MS
}

/** signData = Timestamp + RequestID + AccessCode + RequestBody, over the body bytes as received. */
export function signatureOf(secretKey: string, auth: Omit<AuthHeaders, "signature">, body: Buffer): string {
  return createHmac("sha256", secretKey)
    .update(auth.timestamp + auth.requestId + auth.accessCode, "utf8")
    .update(body)
    .digest("hex")
}

/** The docs upper-case the hex; either case is accepted. */
function signaturesMatch(given: string, expectedHex: string): boolean {
  const a = Buffer.from(given.toLowerCase(), "utf8")
  const b = Buffer.from(expectedHex, "utf8")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** False when the id was already used in the last 24 hours. */
function rememberRequestId(core: SandboxCore, requestId: string): boolean {
  const seen = core.state.seenRequestIds
  const now = core.now()
  for (const [id, expiresAt] of seen) {
    if (expiresAt > now) break
    seen.delete(id)
  }
  const expiresAt = seen.get(requestId)
  if (expiresAt !== undefined && expiresAt > now) return false
  seen.delete(requestId)
  seen.set(requestId, now + REQUEST_ID_TTL_MS)
  return true
}

function denied(reply: ApiReply): AuthResult {
  return { ok: false, reply }
}
