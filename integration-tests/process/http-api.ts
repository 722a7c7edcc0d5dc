import { RequestConfig, TestApi } from "../fixtures/http-client"

/** An HTTP failure shaped like axios's, so fixtures/http-client's request() names route, status and message. */
class HttpFailure extends Error {
  constructor(
    message: string,
    readonly response: { status: number; data: unknown }
  ) {
    super(message)
  }
}

async function send<T>(
  baseUrl: string,
  method: string,
  path: string,
  body: object | undefined,
  config?: RequestConfig
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...config?.headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  const data = text ? JSON.parse(text) : undefined
  if (!response.ok) {
    throw new HttpFailure(`${method} ${path} → ${response.status}`, { status: response.status, data })
  }
  return { data: data as T }
}

/** The fixtures' TestApi over fetch, for a Medusa running in another process. */
export function httpApi(baseUrl: string): TestApi {
  return {
    get: <T>(path: string, config?: RequestConfig) => send<T>(baseUrl, "GET", path, undefined, config),
    post: <T>(path: string, body?: object, config?: RequestConfig) =>
      send<T>(baseUrl, "POST", path, body ?? {}, config),
  }
}
