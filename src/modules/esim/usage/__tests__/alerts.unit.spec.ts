import { expiryAlertDue, usageIsFresh, usageLowAlert, USAGE_CACHE_MIN_MS } from ".."

const low = (remaining_mb: number | null, thresholds: number[] = [], is_unlimited = false) => ({
  remaining_mb,
  is_unlimited,
  usage_alerts_sent: { thresholds },
})

describe("usageLowAlert", () => {
  it("a reading that crosses several thresholds at once gives one alert naming the lowest, recording them all", () => {
    expect(usageLowAlert(low(50))).toEqual({ crossed: [500, 200, 100, 50], threshold_mb: 50 })
  })

  it("thresholds already sent are never sent again; a later reading crossing none gives no alert", () => {
    expect(usageLowAlert(low(150, [500]))).toEqual({ crossed: [200], threshold_mb: 200 })
    expect(usageLowAlert(low(40, [500, 200, 100, 50]))).toBeNull()
  })

  it("no alert above 500 MB, before any reading, or for an unlimited plan", () => {
    expect(usageLowAlert(low(501))).toBeNull()
    expect(usageLowAlert(low(null))).toBeNull()
    expect(usageLowAlert(low(0, [], true))).toBeNull()
  })
})

describe("expiryAlertDue", () => {
  const now = new Date("2026-12-03T12:00:00Z")
  const at = (iso: string) => new Date(iso)
  const esim = (
    expires_at: Date | null,
    expiry_alert_sent_at: Date | null = null,
    lifecycle_status = "active" as const
  ) => ({
    expires_at,
    expiry_alert_sent_at,
    lifecycle_status,
  })

  it("is due within the last 24 h before the expiry, not earlier and not after", () => {
    expect(expiryAlertDue(esim(at("2026-12-04T11:00:00Z")), now)).toBe(true)
    expect(expiryAlertDue(esim(at("2026-12-04T13:00:00Z")), now)).toBe(false)
    expect(expiryAlertDue(esim(at("2026-12-03T11:00:00Z")), now)).toBe(false)
    expect(expiryAlertDue(esim(null), now)).toBe(false)
  })

  it("is sent once per expiry: not again for the same expiry, again after a top-up moved it", () => {
    expect(expiryAlertDue(esim(at("2026-12-04T11:00:00Z"), at("2026-12-03T11:30:00Z")), now)).toBe(false)
    expect(expiryAlertDue(esim(at("2026-12-04T11:00:00Z"), at("2026-11-20T00:00:00Z")), now)).toBe(true)
  })

  it("is never due for an expired or canceled eSIM", () => {
    expect(expiryAlertDue({ ...esim(at("2026-12-04T11:00:00Z")), lifecycle_status: "expired" }, now)).toBe(false)
    expect(expiryAlertDue({ ...esim(at("2026-12-04T11:00:00Z")), lifecycle_status: "canceled" }, now)).toBe(false)
  })
})

describe("usageIsFresh", () => {
  const now = new Date("2026-12-03T12:00:00Z")
  it("is fresh inside the window and stale at its end or with no reading", () => {
    expect(usageIsFresh(new Date(now.getTime() - USAGE_CACHE_MIN_MS + 1), now, USAGE_CACHE_MIN_MS)).toBe(true)
    expect(usageIsFresh(new Date(now.getTime() - USAGE_CACHE_MIN_MS), now, USAGE_CACHE_MIN_MS)).toBe(false)
    expect(usageIsFresh(null, now, USAGE_CACHE_MIN_MS)).toBe(false)
  })

  it("never uses a window shorter than 5 minutes", () => {
    expect(usageIsFresh(new Date(now.getTime() - 60_000), now, 1000)).toBe(true)
  })
})
