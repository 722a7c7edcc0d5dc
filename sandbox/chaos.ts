/** What a chaos hit does to one API call. */
export type ChaosKind = "latency" | "5xx" | "429" | "drop"

export const CHAOS_KINDS: readonly ChaosKind[] = ["latency", "5xx", "429", "drop"]

/** Random faults on a share of the API calls, reproducible from a seed. */
export interface ChaosConfig {
  /** Share of API calls hit, 0–1. */
  rate: number
  /** Seeds the random sequence; the same seed and calls give the same faults. Default 1. */
  seed?: number
  /** The faults to pick from, uniformly. Default all four. */
  kinds?: ChaosKind[]
  /** Longest extra delay of a `latency` hit. Default 300. */
  maxLatencyMs?: number
}

export interface ChaosSnapshot {
  rate: number
  seed: number
  kinds: ChaosKind[]
  maxLatencyMs: number
  /** API calls chaos looked at since it was set. */
  calls: number
  hits: Record<ChaosKind, number>
}

export type ChaosHit =
  { kind: "latency"; delayMs: number } | { kind: "5xx"; status: number } | { kind: "429" } | { kind: "drop" }

const CHAOS_FIELDS = ["rate", "seed", "kinds", "maxLatencyMs"]
const SERVER_ERRORS = [500, 502, 503, 504]

/** Throws for a bad field; the fault API and the sandbox options word it differently. */
export type ChaosFieldError = (field: string, rule: string) => never

const plainError: ChaosFieldError = (field, rule) => {
  throw new Error(`${field} ${rule}`)
}

/** Checks a chaos setting and fills in its defaults; errors name the field (`chaos.rate …`). */
export function parseChaos(value: unknown, fail: ChaosFieldError = plainError): Required<ChaosConfig> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("chaos", "must be an object like { rate: 0.2 }, or null")
  }
  const raw = value as Record<string, unknown>
  const unknown = Object.keys(raw).filter((key) => !CHAOS_FIELDS.includes(key))
  if (unknown.length) fail("chaos", `has unknown field ${unknown.join(", ")}; use ${CHAOS_FIELDS.join(", ")}`)
  const { rate, seed = 1, kinds = [...CHAOS_KINDS], maxLatencyMs = 300 } = raw
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) fail("chaos.rate", "must be a number from 0 to 1")
  if (typeof seed !== "number" || !Number.isInteger(seed)) fail("chaos.seed", "must be an integer")
  const validKinds =
    Array.isArray(kinds) && kinds.length > 0 && kinds.every((kind) => CHAOS_KINDS.includes(kind as ChaosKind))
  if (!validKinds) fail("chaos.kinds", `must be a non-empty list of ${CHAOS_KINDS.join(", ")}`)
  if (typeof maxLatencyMs !== "number" || !(maxLatencyMs >= 0)) fail("chaos.maxLatencyMs", "must be a number ≥ 0")
  return {
    rate: rate as number,
    seed: seed as number,
    kinds: [...new Set(kinds as ChaosKind[])],
    maxLatencyMs: maxLatencyMs as number,
  }
}

/** mulberry32: tiny, fast and good enough to spread faults evenly (0 ≤ x < 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One chaos setting and its random sequence: each API call draws once, in arrival order. */
export class SandboxChaos {
  private readonly random: () => number
  private calls = 0
  private readonly hits: Record<ChaosKind, number> = { latency: 0, "5xx": 0, "429": 0, drop: 0 }

  constructor(private readonly config: Required<ChaosConfig>) {
    this.random = seededRandom(config.seed)
  }

  draw(): ChaosHit | null {
    this.calls++
    if (this.random() >= this.config.rate) return null
    const { kinds, maxLatencyMs } = this.config
    const kind = kinds[Math.floor(this.random() * kinds.length)]
    this.hits[kind]++
    if (kind === "latency") return { kind, delayMs: Math.round(this.random() * maxLatencyMs) }
    if (kind === "5xx") return { kind, status: SERVER_ERRORS[Math.floor(this.random() * SERVER_ERRORS.length)] }
    return { kind }
  }

  snapshot(): ChaosSnapshot {
    return { ...this.config, kinds: [...this.config.kinds], calls: this.calls, hits: { ...this.hits } }
  }
}
