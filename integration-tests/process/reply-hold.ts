import { createServer, IncomingMessage, request, ServerResponse } from "node:http"
import { Socket } from "node:net"

/** What the sandbox answered to the create-order this relay kept from Medusa. */
export type HeldReply = { status: number; body: string }

/**
 * A relay between Medusa and the sandbox that can keep one create-order answer to itself:
 * the sandbox commits the order and answers, and Medusa is left waiting, as if the reply
 * were still on the wire. The sandbox has no such switch: its latency is spent before the
 * order is committed, and dropReplyNext tells the caller at once by closing the socket.
 */
export class ReplyHold {
  private readonly server = createServer((req, res) => void this.relay(req, res))
  private readonly sockets = new Set<Socket>()
  private armed: ((reply: HeldReply) => void) | null = null
  private target: URL | null = null

  /** Listens on a free port; returns the base URL Medusa's esimfly client should use. */
  async listen(sandboxBaseUrl: string): Promise<string> {
    this.target = new URL(sandboxBaseUrl)
    this.server.on("connection", (socket) => {
      this.sockets.add(socket)
      socket.once("close", () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    const { port } = this.server.address() as { port: number }
    return `http://localhost:${port}${this.target.pathname}`
  }

  /** Keeps the next create-order answer; resolves once the sandbox has sent it (the order is committed). */
  holdNextCreateOrder(): Promise<HeldReply> {
    return new Promise((resolve) => (this.armed = resolve))
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy()
    }
    await new Promise((resolve) => this.server.close(resolve))
  }

  private async relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req)
    const target = this.target as URL
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    })
    upstream.on("response", async (answer) => {
      const reply = { status: answer.statusCode ?? 502, body: (await readAll(answer)).toString("utf8") }
      const hold = this.armed
      if (hold && req.method === "POST" && req.url?.endsWith("/esims/order")) {
        this.armed = null
        hold(reply)
        return // never answered: Medusa waits until its timeout, or until it is killed
      }
      res.writeHead(reply.status, answer.headers)
      res.end(reply.body)
    })
    upstream.on("error", () => res.destroy())
    upstream.end(body)
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on("data", (chunk: Buffer) => chunks.push(chunk))
    stream.on("end", () => resolve(Buffer.concat(chunks)))
    stream.on("error", reject)
  })
}
