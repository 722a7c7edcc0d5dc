import { createHmac, randomUUID } from "node:crypto"

export interface Credentials {
  accessCode: string
  secretKey: string
}

/** One API call; every field beyond `path` exists to break something on purpose. */
export interface SignedCall {
  method?: string
  /** Relative to the base URL, query included: "/orders?limit=5". */
  path: string
  /** JSON-encoded unless already a string. */
  body?: unknown
  timestamp?: number | string
  requestId?: string
  accessCode?: string
  secretKey?: string
  /** Sent instead of the signed body, to tamper after signing. */
  sendBody?: string
  /** RT-* header names to leave out. */
  omit?: string[]
  lowerCaseSignature?: boolean
  signal?: AbortSignal
}

export interface Reply<T> {
  status: number
  headers: Headers
  body: T
}

/** The documented recipe: HMAC-SHA256(secret, timestamp + requestId + accessCode + body), upper-case hex. */
export function sign(
  secretKey: string,
  timestamp: string,
  requestId: string,
  accessCode: string,
  body: string
): string {
  return createHmac("sha256", secretKey)
    .update(timestamp + requestId + accessCode + body)
    .digest("hex")
    .toUpperCase()
}

export interface ApiClient {
  call<T>(request: SignedCall): Promise<Reply<T>>
  get<T>(path: string, extra?: Partial<SignedCall>): Promise<Reply<T>>
  post<T>(path: string, body: unknown, extra?: Partial<SignedCall>): Promise<Reply<T>>
}

export function apiClient(baseUrl: string, credentials: Credentials, now: () => number = Date.now): ApiClient {
  const call = async <T>(request: SignedCall): Promise<Reply<T>> => {
    const accessCode = request.accessCode ?? credentials.accessCode
    const timestamp = String(request.timestamp ?? now())
    const requestId = request.requestId ?? randomUUID()
    const body = request.body === undefined ? "" : encode(request.body)
    const signature = sign(request.secretKey ?? credentials.secretKey, timestamp, requestId, accessCode, body)
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "RT-AccessCode": accessCode,
      "RT-RequestID": requestId,
      "RT-Timestamp": timestamp,
      "RT-Signature": request.lowerCaseSignature ? signature.toLowerCase() : signature,
    }
    request.omit?.forEach((name) => delete headers[name])
    const sent = request.sendBody ?? body
    const response = await fetch(baseUrl + request.path, {
      method: request.method ?? (request.body === undefined ? "GET" : "POST"),
      headers,
      body: sent === "" ? undefined : sent,
      signal: request.signal,
    })
    return { status: response.status, headers: response.headers, body: (await response.json()) as T }
  }
  return {
    call,
    get: (path, extra) => call({ ...extra, method: "GET", path }),
    post: (path, body, extra) => call({ ...extra, method: "POST", path, body }),
  }
}

function encode(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body)
}
