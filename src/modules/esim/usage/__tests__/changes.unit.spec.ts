import { UsageProfile, UsageReading, usageChanges } from ".."

const READ = new Date("2026-12-03T12:00:00Z")

const profile = (over: Partial<UsageProfile> = {}): UsageProfile => ({
  id: "esim_1",
  lifecycle_status: "active",
  installed_at: new Date("2026-12-01T00:00:00Z"),
  expires_at: new Date("2026-12-08T00:00:00Z"),
  total_mb: 1024,
  used_mb: 100,
  remaining_mb: 924,
  is_unlimited: false,
  usage_read_at: new Date("2026-12-03T11:00:00Z"),
  usage_alerts_sent: { thresholds: [] },
  ...over,
})

const reading = (over: Partial<UsageReading> = {}): UsageReading => ({
  iccid: "8988",
  read_at: READ,
  figures: { total_mb: 1024, used_mb: 974, remaining_mb: 50, is_unlimited: false },
  status: null,
  installed_at: null,
  expires_at: null,
  ...over,
})

describe("usageChanges", () => {
  it("a newer reading replaces the figures and their read time", () => {
    expect(usageChanges(profile(), reading())).toEqual({
      total_mb: 1024,
      used_mb: 974,
      remaining_mb: 50,
      is_unlimited: false,
      usage_read_at: READ,
    })
  })

  it("a reading older than (or as old as) the stored one leaves the figures alone", () => {
    expect(usageChanges(profile({ usage_read_at: new Date("2026-12-03T12:30:00Z") }), reading())).toEqual({})
    expect(usageChanges(profile({ usage_read_at: READ }), reading())).toEqual({})
  })

  it("a larger total (a top-up) arms the thresholds again", () => {
    const toppedUp = reading({ figures: { total_mb: 2048, used_mb: 974, remaining_mb: 1074, is_unlimited: false } })
    const sent = profile({ usage_alerts_sent: { thresholds: [500, 200] } })
    expect(usageChanges(sent, toppedUp).usage_alerts_sent).toEqual({ thresholds: [] })
  })

  it("moves the status forward only: ACTIVE on a depleted eSIM changes nothing, DEPLETED on an active one does", () => {
    const noFigures = { figures: null }
    expect(
      usageChanges(profile({ lifecycle_status: "depleted" }), reading({ ...noFigures, status: "ACTIVE" }))
    ).toEqual({})
    expect(usageChanges(profile(), reading({ ...noFigures, status: "DEPLETED" }))).toEqual({
      lifecycle_status: "depleted",
      status_changed_at: READ,
    })
  })

  it("keeps the install time once set and takes only a later expiry", () => {
    const dates = { figures: null, installed_at: new Date("2026-12-02T00:00:00Z") }
    expect(usageChanges(profile(), reading({ ...dates, expires_at: new Date("2026-12-07T00:00:00Z") }))).toEqual({})
    const later = new Date("2026-12-15T00:00:00Z")
    expect(usageChanges(profile({ installed_at: null }), reading({ ...dates, expires_at: later }))).toEqual({
      installed_at: dates.installed_at,
      expires_at: later,
    })
  })
})
