import { ChildProcess, spawn } from "node:child_process"
import { closeSync, openSync, readFileSync } from "node:fs"
import { createServer } from "node:net"
import path from "node:path"

/** The plugin repo: its medusa-config.ts is the test host that loads the plugin from src/. */
export const ROOT = path.resolve(__dirname, "../..")
const CLI = require.resolve("@medusajs/cli/cli.js")

export type Env = Record<string, string>

/** A `medusa start` child process, in a process group of its own. */
export type MedusaProcess = {
  name: string
  pid: number
  url: string
  logFile: string
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>
  kill(signal: NodeJS.Signals): void
}

const live = new Map<number, ChildProcess>()

// Last resort when the test process exits without its afterAll (a crash, a timeout): no orphans.
process.on("exit", () => {
  for (const pid of live.keys()) {
    signalGroup(pid, "SIGKILL")
  }
})

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/** A free TCP port on localhost (like scripts/free-port.js). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Only what Medusa needs, so nothing of jest's environment (NODE_OPTIONS, DB_* of other tiers) leaks in. */
export function baseEnv(extra: Env): Env {
  const keep = ["PATH", "HOME", "LANG", "TMPDIR"].filter((key) => process.env[key] !== undefined)
  const inherited = Object.fromEntries(keep.map((key) => [key, process.env[key] as string]))
  return { ...inherited, NODE_ENV: "test", MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
}

function spawnMedusa(args: string[], env: Env, logFile: string): { child: ChildProcess; exited: Promise<string> } {
  const log = openSync(logFile, "a")
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, detached: true, stdio: ["ignore", log, log] })
  closeSync(log)
  if (!child.pid) {
    throw new Error(`could not start medusa ${args[0]} (see ${logFile})`)
  }
  live.set(child.pid, child)
  const pid = child.pid
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(pid)
      resolve(signal ?? String(code))
    })
  })
  return { child, exited }
}

/** The last lines of a log, for failure messages. */
export function logTail(logFile: string, lines = 30): string {
  try {
    return readFileSync(logFile, "utf8").trim().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** Runs a medusa command to completion (db:migrate, exec); fails with the log's tail. */
export async function medusaCommand(args: string[], env: Env, logFile: string, timeoutMs = 180_000): Promise<void> {
  const { child, exited } = spawnMedusa(args, env, logFile)
  const timer = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), timeoutMs)
  const status = await exited.finally(() => clearTimeout(timer))
  if (status !== "0") {
    throw new Error(`medusa ${args.join(" ")} exited with ${status}:\n${logTail(logFile)}`)
  }
}

async function waitForHealth(url: string, exited: Promise<string>, logFile: string, timeoutMs: number): Promise<void> {
  let gone: string | null = null
  void exited.then((status) => (gone = status))
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (gone !== null) {
      throw new Error(`medusa exited with ${gone} before ${url}/health answered:\n${logTail(logFile)}`)
    }
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false
    )
    if (ok) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url}/health did not answer within ${timeoutMs} ms:\n${logTail(logFile)}`)
}

/** Starts `medusa start` on a free port and waits until /health answers (a worker answers it too). */
export async function startMedusa(
  name: string,
  env: Env,
  logFile: string,
  timeoutMs = 120_000
): Promise<MedusaProcess> {
  const port = await freePort()
  const { child, exited } = spawnMedusa(["start", "--port", String(port)], env, logFile)
  const url = `http://localhost:${port}`
  const pid = child.pid as number
  const medusa = { name, pid, url, logFile, exited, kill: (signal: NodeJS.Signals) => signalGroup(pid, signal) }
  try {
    await waitForHealth(url, exited, logFile, timeoutMs)
  } catch (error) {
    await stopMedusa(medusa)
    throw error
  }
  return medusa
}

/** SIGTERM (Medusa shuts down gracefully), SIGKILL after 10 s. */
export async function stopMedusa(medusa: MedusaProcess): Promise<void> {
  if (!live.has(medusa.pid)) {
    return
  }
  medusa.kill("SIGTERM")
  const timer = setTimeout(() => medusa.kill("SIGKILL"), 10_000)
  await medusa.exited.finally(() => clearTimeout(timer))
}

/** Stops every process this test started that still runs. */
export async function stopAllMedusa(): Promise<void> {
  await Promise.all(
    [...live.entries()].map(async ([pid, child]) => {
      signalGroup(pid, "SIGTERM")
      const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000)
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve)
      )
      clearTimeout(timer)
    })
  )
}
