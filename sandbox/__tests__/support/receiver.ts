import { createServer, IncomingHttpHeaders, Server } from "node:http"
import { AddressInfo } from "node:net"
import { performance } from "node:perf_hooks"

/** One POST the receiver got: headers, the raw body as sent, and when it arrived (performance.now()). */
export interface Received {
  headers: IncomingHttpHeaders
  raw: string
  at: number
}

/** What the receiver does with the n-th call: answer a status, or never answer ("hang"). */
export type ReceiverAnswer = number | "hang"

export interface Receiver {
  url: string
  received: Received[]
  /** Answers for the next calls in order; once used up, every call gets 200 { received: true }. */
  answers: ReceiverAnswer[]
  close(): Promise<void>
}

/** A webhook receiver on localhost, as the plugin would run one. */
export async function startReceiver(answers: ReceiverAnswer[] = []): Promise<Receiver> {
  const received: Received[] = []
  const receiver = { received, answers: [...answers] } as Omit<Receiver, "url" | "close">
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8"), at: performance.now() })
      const answer = receiver.answers.shift() ?? 200
      if (answer === "hang") return
      res.writeHead(answer, { "Content-Type": "application/json" })
      res.end(JSON.stringify({ received: answer < 300 }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/esimfly`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
