// Child processes of the benchmark: each runs in its own process group with its output in a
// log file, and every one still running is stopped on exit, failure, Ctrl-C or SIGTERM.
import { spawn } from "node:child_process"
import { openSync, closeSync, readFileSync } from "node:fs"

const running = new Set()
const cleanups = []
let cleaning = null
let interrupted = false

export class BenchError extends Error {}

/** The last lines of a log, for error messages. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/**
 * Starts `command` in a new process group, output to `log`; returns { pid, exited, stop() }.
 * Once the clean-up has begun only clean-up commands (`cleanup: true`) start.
 */
export function startProcess(name, command, args, { cwd, env, log, cleanup = false }) {
  if (cleaning && !cleanup) {
    throw new BenchError(`not starting ${name}: the benchmark is stopping`)
  }
  const fd = openSync(log, "a")
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", fd, fd] })
  closeSync(fd)
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  const handle = { name, pid: child.pid, log, exited, alive: true }
  exited.then(() => {
    handle.alive = false
    running.delete(handle)
  })
  handle.stop = () => stopGroup(handle)
  running.add(handle)
  return handle
}

/** Runs a command to completion; a non-zero exit is a BenchError with the log's tail. */
export async function runProcess(name, command, args, options) {
  const handle = startProcess(name, command, args, options)
  const { code, signal } = await handle.exited
  if (code !== 0) {
    throw new BenchError(`${name} failed (${signal ?? `exit ${code}`}); log ${options.log}:\n${tail(options.log)}`)
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** SIGTERM to the whole group, SIGKILL after 15 s. */
async function stopGroup(handle) {
  if (!groupAlive(handle.pid)) {
    return
  }
  process.kill(-handle.pid, "SIGTERM")
  for (let waited = 0; waited < 15000 && groupAlive(handle.pid); waited += 100) {
    await sleep(100)
  }
  if (groupAlive(handle.pid)) {
    process.kill(-handle.pid, "SIGKILL")
  }
}

/** Registers a clean-up step (run last registered first, after every process has stopped). */
export function onCleanup(step) {
  cleanups.push(step)
}

/** True once a signal started the clean-up: the failures that follow are ours, not news. */
export const wasInterrupted = () => interrupted

/** Stops every running process, then runs the clean-up steps; safe to call more than once. */
export function cleanUp() {
  cleaning ??= (async () => {
    await Promise.all([...running].map((handle) => stopGroup(handle).catch(() => {})))
    for (const step of cleanups.reverse()) {
      try {
        await step()
      } catch (error) {
        console.error(`bench: clean-up step failed: ${error.message}`)
      }
    }
  })()
  return cleaning
}

/** Ctrl-C, SIGTERM and SIGHUP clean up, then exit with the usual 128 + signal code. */
export function cleanUpOnSignals() {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      interrupted = true
      console.error(`\nbench: ${signal}, stopping everything`)
      cleanUp().finally(() => process.exit(code))
    })
  }
}

/** Polls `url` until it answers 2xx, while `handle` runs. */
export async function waitForUrl(url, handle, seconds) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (!handle.alive) {
      throw new BenchError(`${handle.name} exited before ${url} answered; log ${handle.log}:\n${tail(handle.log)}`)
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false
    )
    if (ok) {
      return
    }
    await sleep(250)
  }
  throw new BenchError(`${url} did not answer within ${seconds} s; log ${handle.log}:\n${tail(handle.log)}`)
}
