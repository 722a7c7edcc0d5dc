// The plugin's delivery profile (ESIMFLY_DELIVERY_PROFILE=true): one log line per purchase run
// with the milliseconds of each phase (src/modules/esim/delivery-profile.ts), read back from
// the app's log and summed up per phase.
import { readFileSync } from "node:fs"
import { percentile } from "./stats.mjs"

const MARK = "esimfly delivery profile "

/** The profile of each order in `orderIds` found in `logFile` (JSON or plain logger lines). */
export function readProfiles(logFile, orderIds) {
  const wanted = new Set(orderIds)
  const profiles = new Map()
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    const message = messageOf(line)
    const at = message.indexOf(MARK)
    if (at < 0) {
      continue
    }
    const profile = JSON.parse(message.slice(at + MARK.length))
    if (wanted.has(profile.order_id)) {
      profiles.set(profile.order_id, profile)
    }
  }
  return profiles
}

function messageOf(line) {
  if (!line.startsWith("{")) {
    return line
  }
  try {
    return String(JSON.parse(line).message ?? "")
  } catch {
    return line
  }
}

const STEPS = ["lock", "prepare", "buy", "cancel_check", "deliver", "notify", "events"]

/**
 * One row per phase, in the order of the path; the nested phases are shown with what is
 * left of their step, and "between steps" is the run's time outside every step (the
 * workflow engine's hops and the lock's release).
 */
function phaseValues(profile, placedAt, sandboxLatencyMs) {
  const p = (name) => profile.phases[name] ?? 0
  const steps = STEPS.reduce((sum, name) => sum + p(name), 0)
  return [
    [
      "purchase run starts, after the store's answer to the completion (negative: before it)",
      profile.started_at - placedAt,
    ],
    ["lock", p("lock")],
    ["eSIM order rows (prepare)", p("prepare")],
    [`create-order call, beyond the sandbox's ${sandboxLatencyMs} ms`, p("create_order") - sandboxLatencyMs],
    ["storing the eSIMs", p("store")],
    ["rest of the buy step (eligibility, claim, status writes)", p("buy") - p("create_order") - p("store")],
    ["cancel check", p("cancel_check")],
    ["QR rendering", p("qr")],
    ["notification (createNotifications)", p("notification")],
    [
      "rest of the notify step (reads, guest token, writes): the email is out here",
      p("notify") - p("qr") - p("notification"),
    ],
    ["Medusa fulfillment workflows (create, mark delivered)", p("fulfillment")],
    ["rest of the deliver step (reads, eSIM order writes)", p("deliver") - p("fulfillment")],
    ["events", p("events")],
    ["between steps (workflow engine)", profile.total_ms - steps],
    ["whole purchase run", profile.total_ms],
  ]
}

/** [[phase, p50, p95]] over the orders that have a profile; `placed` maps order id → placedAt. */
export function phaseTable(profiles, placed, sandboxLatencyMs) {
  const columns = []
  for (const [orderId, profile] of profiles) {
    phaseValues(profile, placed.get(orderId), sandboxLatencyMs).forEach(([name, value], i) => {
      columns[i] ??= { name, values: [] }
      columns[i].values.push(value)
    })
  }
  return columns.map(({ name, values }) => [name, percentile(values, 50), percentile(values, 95)])
}
