import { catalogueSyncIntervalMs, DEFAULT_CATALOGUE_SYNC_INTERVAL_MS } from "../schedule"

describe("catalogueSyncIntervalMs", () => {
  it("defaults to 12 hours (esimfly: sync every 6–12 h)", () => {
    expect(catalogueSyncIntervalMs(undefined)).toBe(DEFAULT_CATALOGUE_SYNC_INTERVAL_MS)
    expect(catalogueSyncIntervalMs(" ")).toBe(12 * 60 * 60 * 1000)
    expect(catalogueSyncIntervalMs("21600000")).toBe(6 * 60 * 60 * 1000)
  })

  it.each(["soon", "1000", "1e12", "3600000.5"])("names the variable when it is %p", (raw) => {
    expect(() => catalogueSyncIntervalMs(raw)).toThrow("ESIMFLY_CATALOGUE_SYNC_INTERVAL_MS must be an integer between 60000 and 604800000")
  })
})
