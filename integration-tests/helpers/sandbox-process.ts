import { ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import path from "node:path"

/** A sandbox running in a process of its own, reached only over HTTP. */
export type SandboxProcess = {
  url: string
  controlUrl: string
  /** A control call (`/ledger`, `/faults`, …): GET without a body, POST with one. */
  control<T>(path: string, body?: unknown): Promise<T>
}

const CHILD = path.join(__dirname, "sandbox-child.js")
const STARTUP_MS = 60_000

function bannerValue(banner: string, name: string): string | null {
  return new RegExp(`${name}=(\\S+)`).exec(banner)?.[1] ?? null
}

async function readBanner(child: ChildProcess): Promise<string> {
  let output = ""
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("Press Ctrl+C")) resolve(output)
    })
    child.once("exit", (code) => reject(new Error(`the sandbox exited (${code}) before it listened`)))
  })
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("the sandbox did not start in time")), STARTUP_MS).unref()
  )
  return Promise.race([ready, timeout])
}

/**
 * Starts the sandbox CLI in a child process before the Medusa test app boots, like
 * `useSandbox()`, for specs that time calls: esimfly is a server of its own, and an
 * in-process sandbox would share the app's one thread and blur the timing.
 */
export function useSandboxProcess(args: string[] = []): { current: () => SandboxProcess } {
  let child: ChildProcess | undefined
  let running: SandboxProcess | undefined

  beforeAll(async () => {
    child = spawn(process.execPath, [CHILD, "--port", "0", ...args], {
      cwd: path.join(__dirname, "..", ".."),
      stdio: ["pipe", "pipe", "inherit"],
    })
    const banner = await readBanner(child)
    const url = bannerValue(banner, "ESIMFLY_BASE_URL")
    const accessCode = bannerValue(banner, "ESIMFLY_ACCESS_CODE")
    const secretKey = bannerValue(banner, "ESIMFLY_SECRET_KEY")
    if (!url || !accessCode || !secretKey) {
      throw new Error("the sandbox banner lacks its address or credentials")
    }
    const controlUrl = `${new URL(url).origin}/__sandbox`
    running = { url, controlUrl, control: (route, body) => control(controlUrl, route, body) }
    process.env.ESIMFLY_BASE_URL = url
    process.env.ESIMFLY_ACCESS_CODE = accessCode
    process.env.ESIMFLY_SECRET_KEY = secretKey
    process.env.ESIMFLY_PENDING_JOB_INTERVAL_MS ??= String(60 * 60 * 1000)
    process.env.ESIMFLY_CATCH_UP_INTERVAL_MS ??= String(60 * 60 * 1000)
    process.env.ESIMFLY_RECONCILE_INTERVAL_MS ??= String(60 * 60 * 1000)
  })

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = once(child, "exit")
      child.kill("SIGTERM")
      await exited
    }
  })

  return {
    current: () => {
      if (!running) {
        throw new Error("the sandbox process is not running yet")
      }
      return running
    },
  }
}

async function control<T>(controlUrl: string, route: string, body?: unknown): Promise<T> {
  const init =
    body === undefined
      ? {}
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }
  const response = await fetch(`${controlUrl}${route}`, init)
  const json = (await response.json()) as T
  if (!response.ok) {
    throw new Error(`sandbox control ${route} answered ${response.status}: ${JSON.stringify(json)}`)
  }
  return json
}
