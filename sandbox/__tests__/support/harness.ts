import { createSandbox, Sandbox, SandboxAddress, SandboxOptions } from "../../index"
import { apiClient, ApiClient } from "./signed-fetch"

export interface Harness {
  sandbox: Sandbox
  address: SandboxAddress
  api: ApiClient
  /** Unauthenticated control call: GET without a body, POST with one. */
  control<T>(path: string, body?: unknown): Promise<{ status: number; body: T }>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = createSandbox(options)
  const address = await sandbox.listen(0)
  const api = apiClient(address.url, sandbox, options.now)
  const control = async <T>(path: string, body?: unknown) => {
    const response = await fetch(address.controlUrl + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }
  return { sandbox, address, api, control }
}

/** A fresh sandbox per test, closed afterwards. */
export function useSandbox(options: () => SandboxOptions = () => ({})): () => Harness {
  let current: Harness | undefined
  beforeEach(async () => {
    current = await startSandbox(options())
  })
  afterEach(async () => {
    await current?.sandbox.close()
    current = undefined
  })
  return () => {
    if (!current) throw new Error("the sandbox is not running")
    return current
  }
}

/** A clock the test moves by hand; the API client signs with the same clock. */
export function manualClock(start = Date.parse("2025-03-01T12:00:00.000Z")): {
  now: () => number
  advance: (ms: number) => void
  set: (ms: number) => void
} {
  let current = start
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    set: (ms) => {
      current = ms
    },
  }
}
