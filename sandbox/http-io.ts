import { IncomingMessage, ServerResponse } from "node:http"
import { setTimeout as delay } from "node:timers/promises"

const MAX_BODY_BYTES = 1024 * 1024

/** The raw body bytes, exactly as received (signatures are checked over them); null if too large. */
export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null))
    req.on("error", reject)
  })
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (res.destroyed || res.headersSent) return
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(payload)),
    ...headers,
  })
  res.end(payload)
}

export function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return typeof value === "string" && value !== "" ? value : null
}

/** Resolves after `ms`, or rejects when the sandbox shuts down first. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) await delay(ms, undefined, { signal })
}

/** Runs `fn` the first time only; later calls share its promise. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let started: Promise<void> | null = null
  return () => (started ??= fn())
}
