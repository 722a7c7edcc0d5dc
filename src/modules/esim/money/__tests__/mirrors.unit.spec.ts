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
