import { codesToLookUp, lookupReadings } from "../package-cost-lookup"
import { parseEsimModuleOptions } from "../../options"
import { MirroredCost } from "../mirrors"

const NOW = new Date("2026-12-03T12:00:00Z")
const DAY_MS = 24 * 3600 * 1000
const read = (daysAgo: number): MirroredCost => ({
  cost: 2.5,
  currency: "USD",
  read_at: new Date(NOW.getTime() - daysAgo * DAY_MS),
})
const select = { maxAgeMs: 7 * DAY_MS, limit: 20, now: NOW }

describe("codesToLookUp", () => {
  it("picks the mapped codes never mirrored and those read longer ago than maxAgeMs, once each", () => {
    const mirrored = new Map([
      ["FRESH", read(6)],
      ["STALE", read(8)],
    ])
    expect(codesToLookUp(["FRESH", "NEW", "STALE", "NEW"], mirrored, select)).toEqual(["NEW", "STALE"])
  })

  it("keeps a code esimfly did not list (null cost) until its reading is older than maxAgeMs", () => {
    const unlisted = (daysAgo: number): MirroredCost => ({ ...read(daysAgo), cost: null, currency: null })
    expect(codesToLookUp(["GONE"], new Map([["GONE", unlisted(1)]]), select)).toEqual([])
    expect(codesToLookUp(["GONE"], new Map([["GONE", unlisted(9)]]), select)).toEqual(["GONE"])
  })

  it("takes at most `limit` codes: never-mirrored ones first, then the oldest readings", () => {
    const mirrored = new Map([
      ["OLD-9", read(9)],
      ["OLD-30", read(30)],
      ["OLD-8", read(8)],
    ])
    expect(codesToLookUp(["OLD-9", "OLD-30", "NEW-A", "OLD-8", "NEW-B"], mirrored, { ...select, limit: 3 })).toEqual([
      "NEW-A",
      "NEW-B",
      "OLD-30",
    ])
  })
})

describe("lookupReadings", () => {
  const listed = [
    { package_code: "TR-1GB-7D", cost: 2.72, currency: "USD" },
    { package_code: "TR-1GB-7D-PLUS", cost: 3.1, currency: "USD" },
  ]

  it("records every package the search listed, and nothing more when the searched code is among them", () => {
    expect(lookupReadings("TR-1GB-7D", listed)).toEqual(listed)
  })

  it("records the searched code with a null cost when esimfly does not list it", () => {
    expect(lookupReadings("TR-1GB", listed)).toEqual([
      ...listed,
      { package_code: "TR-1GB", cost: null, currency: null },
    ])
    expect(lookupReadings("XX-NOPE", [])).toEqual([{ package_code: "XX-NOPE", cost: null, currency: null }])
  })
})

describe("the cost-lookup options", () => {
  const valid = { accessCode: "esf_access", secretKey: "sk_module_test" }

  it("default to 20 codes per run and lookups on save, and accept environment strings", () => {
    expect(parseEsimModuleOptions(valid)).toMatchObject({ costLookupBatch: 20, costLookupOnSave: true })
    expect(parseEsimModuleOptions({ ...valid, costLookupBatch: "5", costLookupOnSave: "false" })).toMatchObject({
      costLookupBatch: 5,
      costLookupOnSave: false,
    })
  })

  it.each([
    [{ costLookupBatch: 0 }, 'esimfly: option "costLookupBatch" must be an integer between 1 and 100'],
    [{ costLookupOnSave: "later" }, 'esimfly: option "costLookupOnSave" must be true or false'],
  ])("refuse %j, naming the option", (bad, message) => {
    expect(() => parseEsimModuleOptions({ ...valid, ...bad })).toThrow(message)
  })
})
