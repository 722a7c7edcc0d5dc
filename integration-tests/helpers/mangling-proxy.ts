import { createServer, IncomingMessage, Server } from "node:http"
import { AddressInfo } from "node:net"

/** Rewrites the body of an answer the proxy passes on; null passes it unchanged. */
export type Mangler = (method: string, path: string, body: string) => string | null

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * A proxy in front of the sandbox that forwards every request unchanged (signature included)
 * and lets a test mangle the answer on its way back: esimfly did the work, the plugin reads junk.
 */
export async function startManglingProxy(
  target: string
): Promise<{ url: string; setMangler: (m: Mangler | null) => void; close: () => Promise<void> }> {
  const base = new URL(target)
  let mangler: Mangler | null = null
  const server: Server = createServer(async (req, res) => {
    const body = await readAll(req)
    const upstream = await fetch(new URL(req.url ?? "/", base.origin), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))
      ) as Record<string, string>,
      body: req.method === "GET" ? undefined : body,
    })
    const text = await upstream.text()
    const mangled = mangler?.(req.method ?? "GET", new URL(req.url ?? "/", base.origin).pathname, text) ?? text
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" })
    res.end(mangled)
  })
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://localhost:${port}${base.pathname}`,
    setMangler: (next) => {
      mangler = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
