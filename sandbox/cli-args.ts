import { FailNextFault } from "./faults"
import { Currency, PendingShape, SandboxOptions } from "./types"

/** A flag the CLI cannot use; the CLI prints it and exits 2. */
export class CliUsageError extends Error {}

export interface CliConfig {
  port: number
  host: string
  options: SandboxOptions
  failNext: FailNextFault[]
  dropReplyNext: number[]
  hangNext: number[]
  stayPending: string[]
}

export type CliCommand = { kind: "help" } | { kind: "run"; config: CliConfig }

export const USAGE = `Usage: npm run sandbox -- [flags]
       node -r ts-node/register/transpile-only sandbox/cli.ts [flags]

Runs the esimfly business API simulator until Ctrl+C.

  --port <n>                       port (default $SANDBOX_PORT or 4010; 0 = any free port)
  --host <addr>                    interface to bind (default 127.0.0.1)
  --access-code <code>             business access code (default esf_sandbox_access)
  --secret-key <key>               secret key (default sk_sandbox_secret)
  --personal-access-code <code>    non-business code that gets 403 (default esf_sandbox_personal)
  --currency USD|IQD               account currency (default USD)
  --balance <amount>               opening balance (default 1000 USD / 1500000 IQD)
  --latency <ms>                   delay every API answer
  --fail-next <count>:<status>[:<code>]
                                   answer the next <count> API calls with an error
  --drop-reply-next <count>        process the next calls, then cut the socket without a reply
  --hang-next <count>              never answer the next calls
  --rate-limit <limit>/<windowMs>  rate limit (default 1000/3600000)
  --stay-pending <code>            orders of this package stay pending_details (repeatable)
  --chaos <rate>[:<seed>]          random latency, 5xx, 429 and dropped replies on a share
                                   (0-1) of API calls, reproducible from the seed (default 1)
  --pending-polls <n>              status polls that still answer pending (default 2)
  --pending-seconds <n>            pending orders complete after n seconds as well
  --pending-shape placeholders|empty
                                   how pending eSIMs are listed (default placeholders)
  --allow-http-webhooks true|false accept http://localhost and http://127.0.0.1 webhook URLs
  --webhook-time-factor <n>        scale the webhook reply window and retry delays (default 1)
  --help                           show this help
`

type FlagSetter = (config: CliConfig, value: string) => void

const CURRENCIES: readonly Currency[] = ["USD", "IQD"]
const SHAPES: readonly PendingShape[] = ["placeholders", "empty"]
const BOOLS = ["true", "false"] as const

const FLAGS = new Map<string, FlagSetter>([
  ["--port", (c, v) => (c.port = integer("--port", v, 0, 65535))],
  ["--host", (c, v) => (c.host = v)],
  ["--access-code", (c, v) => (c.options.accessCode = v)],
  ["--secret-key", (c, v) => (c.options.secretKey = v)],
  ["--personal-access-code", (c, v) => (c.options.personalAccessCode = v)],
  ["--currency", (c, v) => (c.options.currency = oneOf("--currency", v.toUpperCase(), CURRENCIES))],
  ["--balance", (c, v) => (c.options.balance = decimal("--balance", v))],
  ["--latency", (c, v) => (c.options.latencyMs = decimal("--latency", v))],
  ["--fail-next", (c, v) => c.failNext.push(failNextOf(v))],
  ["--drop-reply-next", (c, v) => c.dropReplyNext.push(integer("--drop-reply-next", v, 1))],
  ["--hang-next", (c, v) => c.hangNext.push(integer("--hang-next", v, 1))],
  ["--rate-limit", (c, v) => (c.options.rateLimit = rateLimitOf(v))],
  ["--stay-pending", (c, v) => c.stayPending.push(v)],
  ["--chaos", (c, v) => (c.options.chaos = chaosOf(v))],
  ["--pending-polls", (c, v) => (c.options.pendingPolls = integer("--pending-polls", v, 0))],
  ["--pending-seconds", (c, v) => (c.options.pendingSeconds = decimal("--pending-seconds", v))],
  ["--pending-shape", (c, v) => (c.options.pendingShape = oneOf("--pending-shape", v, SHAPES))],
  [
    "--allow-http-webhooks",
    (c, v) => (c.options.allowHttpWebhooks = oneOf("--allow-http-webhooks", v, BOOLS) === "true"),
  ],
  ["--webhook-time-factor", (c, v) => (c.options.webhookTimeFactor = decimal("--webhook-time-factor", v))],
])

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliCommand {
  const config: CliConfig = {
    port: env.SANDBOX_PORT ? integer("SANDBOX_PORT", env.SANDBOX_PORT, 0, 65535) : 4010,
    host: "127.0.0.1",
    options: {},
    failNext: [],
    dropReplyNext: [],
    hangNext: [],
    stayPending: [],
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--help" || argv[i] === "-h") return { kind: "help" }
    const [flag, inline] = splitFlag(argv[i])
    const setter = FLAGS.get(flag)
    if (!setter) throw new CliUsageError(`unknown flag ${argv[i]}`)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new CliUsageError(`${flag} needs a value`)
    setter(config, value)
  }
  return { kind: "run", config }
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf("=")
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)]
}

function integer(flag: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value)
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new CliUsageError(`${flag} must be an integer between ${min} and ${max}, got "${value}"`)
  }
  return parsed
}

function decimal(flag: string, value: string): number {
  const parsed = Number(value)
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0) {
    throw new CliUsageError(`${flag} must be a number ≥ 0, got "${value}"`)
  }
  return parsed
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value)
  if (!match) throw new CliUsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`)
  return match
}

/** <count>:<status>[:<code>], e.g. 2:503 or 1:500:PROVIDER_ERROR. */
function failNextOf(value: string): FailNextFault {
  const [count, status, code] = value.split(":")
  if (status === undefined) {
    throw new CliUsageError("--fail-next must look like <count>:<status>[:<code>]")
  }
  return {
    count: integer("--fail-next count", count, 1),
    status: integer("--fail-next status", status, 400, 599),
    ...(code ? { code } : {}),
  }
}

/** <limit>/<windowMs>, e.g. 100/60000. */
function rateLimitOf(value: string): { limit: number; windowMs: number } {
  const [limit, windowMs] = value.split("/")
  if (windowMs === undefined) throw new CliUsageError("--rate-limit must look like <limit>/<windowMs>")
  return {
    limit: integer("--rate-limit limit", limit, 0),
    windowMs: integer("--rate-limit windowMs", windowMs, 1),
  }
}

/** <rate>[:<seed>], e.g. 0.2 or 0.2:42. */
function chaosOf(value: string): { rate: number; seed?: number } {
  const [rate, seed] = value.split(":")
  const parsed = decimal("--chaos rate", rate)
  if (parsed > 1) throw new CliUsageError(`--chaos rate must be a number from 0 to 1, got "${rate}"`)
  return { rate: parsed, ...(seed === undefined ? {} : { seed: integer("--chaos seed", seed, 0) }) }
}
