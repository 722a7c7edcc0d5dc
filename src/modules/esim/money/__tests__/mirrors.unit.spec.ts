import { jobIntervalMs } from "../../job-interval"
import { ageSeconds, isFresh } from "../mirrors"

describe("mirror ages", () => {
  const readAt = new Date("2026-12-03T10:00:00Z")
  const at = (seconds: number) => new Date(readAt.getTime() + seconds * 1000)

  it.each([
    ["a reading within the limit is fresh", readAt, 60, at(60), true],
    ["a reading past the limit is stale", readAt, 60, at(60.001), false],
    ["no reading is never fresh", null, 60, at(0), false],
  ])("%s", (_name, read, maxAgeS, now, fresh) => {
    expect(isFresh(read, maxAgeS * 1000, now)).toBe(fresh)
  })

  it("counts whole seconds and never a negative age (a clock slightly behind)", () => {
    expect(ageSeconds(readAt, at(59.9))).toBe(59)
    expect(ageSeconds(readAt, at(-5))).toBe(0)
  })
})

describe("jobIntervalMs", () => {
  it("uses the fallback when the variable is unset or blank", () => {
    expect(jobIntervalMs("X_MS", undefined, 60000)).toBe(60000)
    expect(jobIntervalMs("X_MS", " ", 60000)).toBe(60000)
  })

  it.each(["abc", "1.5", "999", "86400001"])("stops start-up naming the variable for %p", (raw) => {
    expect(() => jobIntervalMs("ESIMFLY_BALANCE_JOB_TICK_MS", raw, 60000)).toThrow(/ESIMFLY_BALANCE_JOB_TICK_MS must be an integer between 1000 and 86400000/)
  })

  it("accepts an integer in range", () => {
    expect(jobIntervalMs("X_MS", "120000", 60000)).toBe(120000)
  })
})
