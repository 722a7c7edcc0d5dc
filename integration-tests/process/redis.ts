import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"
import { freePort, ROOT } from "./medusa-process"

export type TestRedis = { url: string; stop(): void }

/** FLUSHALL over the wire protocol: a spec starts from an empty Redis (no queued events, no schedules). */
function flushAll(url: string): Promise<void> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write("*1\r\n$8\r\nFLUSHALL\r\n"))
    socket.once("data", (data) => {
      socket.end()
      return data.toString().startsWith("+OK")
        ? resolve()
        : reject(new Error(`FLUSHALL answered ${data.toString().trim()}`))
    })
    socket.once("error", reject)
  })
}

/**
 * The Redis the server and the worker share: ESIMFLY_TEST_REDIS_URL (scripts/test.sh starts one
 * for the tier), flushed first; otherwise a throwaway one from scripts/redis-start.sh, stopped by stop().
 */
export async function useRedis(): Promise<TestRedis> {
  const given = process.env.ESIMFLY_TEST_REDIS_URL
  if (given) {
    await flushAll(given)
    return { url: given, stop: () => undefined }
  }
  const dir = mkdtempSync(path.join(tmpdir(), "esimfly-redis-"))
  const port = await freePort()
  const started = execFileSync(path.join(ROOT, "scripts/redis-start.sh"), [dir, String(port)], { encoding: "utf8" })
  const url = started.trim().split("\n").pop() as string
  const stop = () => {
    process.off("exit", stop)
    execFileSync(path.join(ROOT, "scripts/redis-stop.sh"), [dir])
    rmSync(dir, { recursive: true, force: true })
  }
  // A daemon outlives a test process that dies before its afterAll.
  process.on("exit", stop)
  return { url, stop }
}
