/** A response body: parsed JSON, or the fact that it was not JSON. */
export type Json = { ok: true; value: unknown } | { ok: false }

/** Query values; undefined ones are left out. */
export type QueryParams = Record<string, string | number | undefined>

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Parses a body without throwing. */
export function parseJson(text: string): Json {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** Joins base URL, path and the defined query values. */
export function buildUrl(baseUrl: string, path: string, query: QueryParams): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.append(key, String(value))
    }
  }
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ""}`
}

/** `name: message (code)` of a fetch rejection, e.g. `TypeError: fetch failed (ECONNRESET)`. */
export function describeCause(error: unknown): string {
  if (!isRecord(error) && !(error instanceof Error)) {
    return "request failed"
  }
  const record = error as Record<string, unknown>
  const name = typeof record.name === "string" ? record.name : "Error"
  const message = typeof record.message === "string" ? record.message : "request failed"
  const cause = isRecord(record.cause) ? record.cause : {}
  const code = [cause.code, record.code].find((value) => typeof value === "string")
  return code ? `${name}: ${message} (${String(code)})` : `${name}: ${message}`
}

/** Whether a rejection came from our own timeout signal. */
export function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (isRecord(error) && error.name === "TimeoutError")
}

/** An error body esimfly itself produced: `success: false` with a `code`. */
export function isEsimflyErrorBody(json: Json): boolean {
  return json.ok && isRecord(json.value) && json.value.success === false && typeof json.value.code === "string"
}
