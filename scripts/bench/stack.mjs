// What the benchmark runs on, started from nothing and stopped by processes.mjs: a throwaway
// PostgreSQL, the esimfly sandbox (its own process, so its ledger does not weigh on the app),
// the plugin build, the databases and the demo app (`medusa start`, or `medusa exec` scripts).
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  rmSync,
  symlinkSync,
} from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { createDatabase, databaseUrl } from "./db.mjs"
import { onCleanup, runProcess, startProcess, waitForUrl } from "./processes.mjs"

export const SANDBOX_CREDENTIALS = { accessCode: "esf_sandbox_access", secretKey: "sk_sandbox_secret" }

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** A temp folder removed on clean-up, open to the postgres user so PostgreSQL's data lives in it. */
export function makeWorkDir() {
  const dir = mkdtempSync(join(tmpdir(), "esimfly-bench."))
  chmodSync(dir, 0o755)
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export async function startPostgres(root, work, logs) {
  const port = await freePort()
  const dir = join(work, "pg")
  const stop = () =>
    runProcess("pg-stop", "bash", [join(root, "scripts/pg-stop.sh"), dir], {
      cwd: root,
      env: process.env,
      log: join(logs, "pg.log"),
      cleanup: true,
    })
  onCleanup(stop)
  await runProcess("pg-start", "bash", [join(root, "scripts/pg-start.sh"), dir, String(port)], {
    cwd: root,
    env: process.env,
    log: join(logs, "pg.log"),
  })
  return { port }
}

export async function startSandbox(root, logs, { balance, rateLimit }) {
  const port = await freePort()
  const flags = ["--port", String(port), "--balance", String(balance), "--rate-limit", rateLimit]
  const args = ["-r", "ts-node/register/transpile-only", "sandbox/cli.ts", ...flags]
  const handle = startProcess("sandbox", process.execPath, args, {
    cwd: root,
    env: process.env,
    log: join(logs, "sandbox.log"),
  })
  const url = `http://localhost:${port}`
  await waitForUrl(`${url}/__sandbox/ledger`, handle, 60)
  return { url, baseUrl: `${url}/api/v1/business` }
}

/**
 * The demo app loads the plugin through the package's self-link. Where node_modules is
 * shared (a git worktree symlinking another checkout's), that link points elsewhere, so the
 * demo gets its own link to this checkout, removed afterwards.
 */
export function pointDemoAtThisCheckout(root) {
  const demo = join(root, "demo")
  const resolved = realpathSync(createRequire(join(demo, "package.json")).resolve("medusa-plugin-esimfly/package.json"))
  if (resolved === realpathSync(join(root, "package.json"))) {
    return null
  }
  const link = join(demo, "node_modules", "medusa-plugin-esimfly")
  if (existsSync(link) || isDanglingLink(link)) {
    throw new Error(`demo/node_modules/medusa-plugin-esimfly resolves to ${resolved}, not this checkout; remove it`)
  }
  const modules = join(demo, "node_modules")
  const madeModules = !existsSync(modules)
  mkdirSync(modules, { recursive: true })
  symlinkSync("../..", link)
  onCleanup(() => {
    rmSync(link, { force: true })
    if (madeModules) {
      rmdirSync(modules)
    }
  })
  return resolved
}

function isDanglingLink(path) {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}

/** The demo app's environment: every variable demo/.env could hold is set, so none leaks in. */
export function appEnv({ pgPort, dbName, sandbox, outbox, withPlugin }) {
  return {
    ...process.env,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl(pgPort, dbName),
    DB_NAME: dbName,
    STORE_CORS: "http://localhost",
    ADMIN_CORS: "http://localhost",
    AUTH_CORS: "http://localhost",
    JWT_SECRET: "bench-jwt-secret",
    COOKIE_SECRET: "bench-cookie-secret",
    ESIMFLY_ACCESS_CODE: SANDBOX_CREDENTIALS.accessCode,
    ESIMFLY_SECRET_KEY: SANDBOX_CREDENTIALS.secretKey,
    ESIMFLY_BASE_URL: sandbox.baseUrl,
    DEMO_OUTBOX_DIR: outbox,
    DEMO_ADMIN_DISABLED: "true",
    DEMO_WITHOUT_PLUGIN: withPlugin ? "false" : "true",
    // Off in the backlog and memory runs; the live app with the plugin turns it on (run.mjs).
    ESIMFLY_DELIVERY_PROFILE: "false",
  }
}

/** The Medusa CLI in demo/ (it resolves from the root node_modules). */
export function medusa(root, name, args, env, log) {
  return runProcess(name, join(root, "node_modules/.bin/medusa"), args, { cwd: join(root, "demo"), env, log })
}

/**
 * Runs one of scripts/bench/app/*.ts inside the app (`medusa exec`) and returns the JSON
 * it wrote to BENCH_RESULT_FILE. `nodeOptions` adds flags such as --expose-gc.
 */
export async function execInApp(root, { script, name = script, env, work, logs, nodeOptions = "" }) {
  const resultFile = join(work, `${name}.json`)
  const file = relative(join(root, "demo"), join(root, "scripts/bench/app", `${script}.ts`))
  const options = [env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(" ")
  const execEnv = { ...env, BENCH_RESULT_FILE: resultFile, NODE_OPTIONS: options }
  await medusa(root, `medusa exec ${script}`, ["exec", file], execEnv, join(logs, `${name}.log`))
  return JSON.parse(readFileSync(resultFile, "utf8"))
}

/**
 * Two databases for the two apps: one migrated with the plugin, copied for the baseline
 * (the plugin's unused tables cost it nothing), each seeded with the benchmark's store.
 */
export async function prepareDatabases(root, { pgPort, sandbox, outbox, work, logs }) {
  const env = (dbName, withPlugin) => appEnv({ pgPort, dbName, sandbox, outbox, withPlugin })
  await createDatabase(pgPort, "bench_plugin")
  await medusa(root, "medusa db:migrate", ["db:migrate"], env("bench_plugin", true), join(logs, "db-migrate.log"))
  await createDatabase(pgPort, "bench_baseline", "bench_plugin")
  const seeded = async (dbName, withPlugin) => {
    const store = await execInApp(root, {
      script: "seed",
      name: `seed-${dbName}`,
      env: env(dbName, withPlugin),
      work,
      logs,
    })
    return { dbName, dbUrl: databaseUrl(pgPort, dbName), env: env(dbName, withPlugin), store }
  }
  return { plugin: await seeded("bench_plugin", true), baseline: await seeded("bench_baseline", false) }
}

/** `medusa start` on a free port; resolves once /health answers. */
export async function startApp(root, name, env, logs) {
  const port = await freePort()
  const log = join(logs, `${name}.log`)
  const handle = startProcess(name, join(root, "node_modules/.bin/medusa"), ["start", "--port", String(port)], {
    cwd: join(root, "demo"),
    env,
    log,
  })
  const url = `http://localhost:${port}`
  await waitForUrl(`${url}/health`, handle, 240)
  return { url, handle }
}
