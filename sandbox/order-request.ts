import { businessError } from "./replies"
import { ApiReply } from "./types"

/** A create-order body that is well-formed (the package itself is checked later). */
export interface OrderRequest {
  packageCode: string
  quantity: number
  idempotencyKey: string | null
  price: number | null
  callbackUrl: string | null
}

export type ParsedOrder = { ok: true; order: OrderRequest } | { ok: false; reply: ApiReply }

const MAX_QUANTITY = 10
const MAX_IDEMPOTENCY_KEY = 200

export function parseOrderRequest(raw: Buffer): ParsedOrder {
  const body = parseJsonObject(raw)
  if (!body) return invalid("INVALID_REQUEST", "Invalid JSON in request body")
  const { idempotency_key: key, packageCode, quantity = 1, price, callbackUrl } = body
  if (key !== undefined && !isIdempotencyKey(key)) {
    const rule = "must be a non-empty string of at most 200 characters"
    return invalid("INVALID_REQUEST", `idempotency_key ${rule}`)
  }
  if (typeof packageCode !== "string" || packageCode.trim() === "") {
    return invalid("MISSING_PACKAGE_CODE", "Missing required field: packageCode")
  }
  // Quantity limits: minimum 1, maximum 10 eSIMs per order.
  if (!Number.isInteger(quantity) || Number(quantity) < 1 || Number(quantity) > MAX_QUANTITY) {
    return invalid("INVALID_QUANTITY", "Quantity must be an integer between 1 and 10")
  }
  if (price !== undefined && (typeof price !== "number" || !Number.isFinite(price))) {
    return invalid("INVALID_REQUEST", "price must be a number")
  }
  if (callbackUrl !== undefined && !isHttpUrl(callbackUrl)) {
    return invalid("INVALID_REQUEST", "callbackUrl must be an http(s) URL")
  }
  const order: OrderRequest = {
    packageCode,
    quantity: Number(quantity),
    idempotencyKey: typeof key === "string" ? key : null,
    price: typeof price === "number" ? price : null,
    callbackUrl: typeof callbackUrl === "string" ? callbackUrl : null,
  }
  return { ok: true, order }
}

function isIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && value !== "" && value.length <= MAX_IDEMPOTENCY_KEY
}

/** The body as a JSON object, or null when it is not one. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"))
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value)
    return isObject ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function invalid(code: string, message: string): ParsedOrder {
  return { ok: false, reply: businessError(400, code, message) }
}
