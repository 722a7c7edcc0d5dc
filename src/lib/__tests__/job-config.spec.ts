import {
  esimJobConfig,
  JOB_VARIABLES,
  JobVariableName,
  jobVariableMs,
  MAX_INTERVAL_MS,
  readJobConfig,
} from "../job-config"

const names = Object.keys(JOB_VARIABLES) as JobVariableName[]

describe("readJobConfig", () => {
  it("gives every job variable its default when the environment sets none", () => {
    expect(readJobConfig({})).toEqual({
      ESIMFLY_PENDING_JOB_INTERVAL_MS: 15000,
      ESIMFLY_CATCH_UP_INTERVAL_MS: 5 * 60 * 1000,
      ESIMFLY_RECONCILE_INTERVAL_MS: 5 * 60 * 1000,
      ESIMFLY_RECONCILE_GRACE_MS: 2 * 60 * 1000,
      ESIMFLY_BALANCE_JOB_TICK_MS: 60000,
      ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS: 12 * 60 * 60 * 1000,
      ESIMFLY_COST_LOOKUP_INTERVAL_MS: 10 * 60 * 1000,
      ESIMFLY_WEBHOOK_RETRY_INTERVAL_MS: 30 * 1000,
      ESIMFLY_USAGE_SYNC_INTERVAL_MS: 24 * 60 * 60 * 1000,
      ESIMFLY_EXPIRY_ALERT_INTERVAL_MS: 60 * 60 * 1000,
      ESIMFLY_TOP_UP_SETTLE_INTERVAL_MS: 5 * 60 * 1000,
    })
  })

  it("takes ESIMFLY_USAGE_SYNC_INTERVAL_MS=0 as off and refuses an interval under an hour, naming the variable", () => {
    expect(readJobConfig({ ESIMFLY_USAGE_SYNC_INTERVAL_MS: "0" }).ESIMFLY_USAGE_SYNC_INTERVAL_MS).toBe(0)
    expect(() => readJobConfig({ ESIMFLY_USAGE_SYNC_INTERVAL_MS: "60000" })).toThrow(
      "esimfly: ESIMFLY_USAGE_SYNC_INTERVAL_MS must be an integer between 3600000 and 604800000 (ms), or 0 to turn it off"
    )
  })

  it.each(names)("refuses a value of %s that is not a number and names the variable", (name) => {
    expect(() => readJobConfig({ [name]: "5m" })).toThrow(`esimfly: ${name} must be an integer between`)
  })

  it.each(names)("refuses a value of %s above its range and names the variable", (name) => {
    expect(() => readJobConfig({ [name]: String(MAX_INTERVAL_MS + 1) })).toThrow(
      `esimfly: ${name} must be an integer between`
    )
  })

  it("reads each variable from the environment it is given", () => {
    const env = Object.fromEntries(names.map((name) => [name, "3600000"]))
    expect(Object.values(readJobConfig(env))).toEqual(names.map(() => 3600000))
  })
})

describe("jobVariableMs", () => {
  it("uses the default when the variable is unset or blank", () => {
    expect(jobVariableMs("ESIMFLY_BALANCE_JOB_TICK_MS", undefined)).toBe(60000)
    expect(jobVariableMs("ESIMFLY_BALANCE_JOB_TICK_MS", " ")).toBe(60000)
  })

  it.each(["abc", "1.5", "999", "86400001"])("refuses ESIMFLY_BALANCE_JOB_TICK_MS=%p and names it", (raw) => {
    expect(() => jobVariableMs("ESIMFLY_BALANCE_JOB_TICK_MS", raw)).toThrow(
      /ESIMFLY_BALANCE_JOB_TICK_MS must be an integer between 1000 and 86400000/
    )
  })

  it("accepts an integer in range", () => {
    expect(jobVariableMs("ESIMFLY_BALANCE_JOB_TICK_MS", "120000")).toBe(120000)
  })

  it("takes the catalogue sync interval in whole milliseconds (esimfly: sync every 6–12 h)", () => {
    expect(jobVariableMs("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS", " ")).toBe(12 * 60 * 60 * 1000)
    expect(jobVariableMs("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS", "21600000")).toBe(6 * 60 * 60 * 1000)
  })

  it.each(["soon", "1000", "1e12", "3600000.5"])(
    "refuses ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS=%p and names it",
    (raw) => {
      expect(() => jobVariableMs("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS", raw)).toThrow(
        "ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS must be an integer between 60000 and 604800000"
      )
    }
  )

  it("takes the cost-lookup interval in whole milliseconds", () => {
    expect(jobVariableMs("ESIMFLY_COST_LOOKUP_INTERVAL_MS", "3600000")).toBe(3600000)
  })

  it.each(["soon", "1000", "3600000.5"])("refuses ESIMFLY_COST_LOOKUP_INTERVAL_MS=%p and names it", (raw) => {
    expect(() => jobVariableMs("ESIMFLY_COST_LOOKUP_INTERVAL_MS", raw)).toThrow(
      "ESIMFLY_COST_LOOKUP_INTERVAL_MS must be an integer between 60000 and 604800000"
    )
  })

  it("takes the pending job's tick in whole milliseconds", () => {
    expect(jobVariableMs("ESIMFLY_PENDING_JOB_INTERVAL_MS", "30000")).toBe(30000)
  })

  it.each(["abc", "1500.5", "999", "-1"])("refuses ESIMFLY_PENDING_JOB_INTERVAL_MS=%p and names it", (raw) => {
    expect(() => jobVariableMs("ESIMFLY_PENDING_JOB_INTERVAL_MS", raw)).toThrow(
      "ESIMFLY_PENDING_JOB_INTERVAL_MS must be an integer"
    )
  })

  it.each(["0", "1000"])("accepts a reconcile grace of %p ms, zero included", (raw) => {
    expect(jobVariableMs("ESIMFLY_RECONCILE_GRACE_MS", raw)).toBe(Number(raw))
  })

  it.each(["0", "fast", "-5"])(
    "refuses ESIMFLY_CATCH_UP_INTERVAL_MS=%p instead of falling back to 5 minutes",
    (raw) => {
      expect(() => jobVariableMs("ESIMFLY_CATCH_UP_INTERVAL_MS", raw)).toThrow(
        "esimfly: ESIMFLY_CATCH_UP_INTERVAL_MS must be an integer between 1000 and 86400000"
      )
    }
  )
})

describe("esimJobConfig", () => {
  const previous = process.env.ESIMFLY_RECONCILE_INTERVAL_MS

  afterEach(() => {
    if (previous === undefined) {
      delete process.env.ESIMFLY_RECONCILE_INTERVAL_MS
    } else {
      process.env.ESIMFLY_RECONCILE_INTERVAL_MS = previous
    }
  })

  it("names the job and ticks at its variable's value", () => {
    process.env.ESIMFLY_RECONCILE_INTERVAL_MS = "1000"
    expect(esimJobConfig("esimfly-reconcile-orders", "ESIMFLY_RECONCILE_INTERVAL_MS")).toEqual({
      name: "esimfly-reconcile-orders",
      schedule: { interval: 1000 },
    })
  })
})
