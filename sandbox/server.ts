import { createServer, IncomingMessage, Server, ServerResponse } from "node:http"
import { AddressInfo } from "node:net"
import { handleApi } from "./api"
import { handleControl } from "./control"
import { SandboxCore } from "./core"
import { sendJson } from "./http-io"
import { CONTROL_BASE } from "./paths"

/** A plain node:http server: /__sandbox/* are controls, everything else is the business API. */
export function createSandboxServer(core: SandboxCore): Server {
  return createServer((req, res) => {
    dispatch(core, req, res).catch((error: unknown) => failSafe(core, res, error))
  })
}

function dispatch(core: SandboxCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid")
  const isControl = url.pathname === CONTROL_BASE || url.pathname.startsWith(`${CONTROL_BASE}/`)
  return isControl ? handleControl(core, req, res, url) : handleApi(core, req, res, url)
}

function failSafe(core: SandboxCore, res: ServerResponse, error: unknown): void {
  if (core.closing.signal.aborted || res.headersSent) {
    res.socket?.destroy()
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  sendJson(res, 500, { success: false, error: `Sandbox error: ${message}`, code: "SYSTEM_ERROR" })
}

/** Resolves with the bound port (useful with port 0). */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** Stops accepting and destroys every open socket, including hung and keep-alive ones. */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve()
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
