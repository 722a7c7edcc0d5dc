import { KnownWebhookEvent, parseWebhookEvent } from "../../../../lib/esimfly"
import { lifeChanges, LifeProfile } from ".."

const ICCID = "8988000000000000011"

function event(name: string, data: Record<string, unknown>): KnownWebhookEvent {
  const parsed = parseWebhookEvent(
    JSON.stringify({ event: name, timestamp: "2026-12-03T10:00:00Z", data: { iccid: ICCID, ...data } })
  )
  if (!parsed.ok || parsed.event.event === "unknown") throw new Error("bad sample")
  return parsed.event
}

const profile = (over: Partial<LifeProfile> = {}): LifeProfile => ({
  id: "esim_1",
  lifecycle_status: "new",
  installed_at: null,
  status_changed_at: null,
  expires_at: null,
  ...over,
})

describe("lifeChanges", () => {
  it("esim.installed makes a new eSIM active and records when it was installed", () => {
    const at = new Date("2026-12-03T09:59:00Z")
    expect(lifeChanges(event("esim.installed", { installed_at: at.toISOString() }), profile())).toEqual({
      lifecycle_status: "active",
      status_changed_at: at,
      installed_at: at,
    })
  })

  it("esim.installed replayed on an active, installed eSIM changes nothing", () => {
    const installed = profile({ lifecycle_status: "active", installed_at: new Date("2026-12-01T00:00:00Z") })
    expect(lifeChanges(event("esim.installed", {}), installed)).toEqual({})
  })

  it("esim.status.changed to ACTIVE after DEPLETED leaves the eSIM depleted", () => {
    const depleted = profile({ lifecycle_status: "depleted" })
    expect(lifeChanges(event("esim.status.changed", { new_status: "ACTIVE" }), depleted)).toEqual({})
  })

  it("esim.status.changed to DEPLETED moves an active eSIM on, at the event's changed_at, and records a later expiry", () => {
    const changed = event("esim.status.changed", {
      new_status: "DEPLETED",
      changed_at: "2026-12-03T09:00:00Z",
      expiry_date: "2026-12-10T09:00:00Z",
    })
    expect(lifeChanges(changed, profile({ lifecycle_status: "active" }))).toEqual({
      lifecycle_status: "depleted",
      status_changed_at: new Date("2026-12-03T09:00:00Z"),
      expires_at: new Date("2026-12-10T09:00:00Z"),
    })
  })

  it("a usage threshold changes no life column", () => {
    expect(lifeChanges(event("esim.usage.threshold", { threshold_remaining_mb: 500 }), profile())).toEqual({})
  })
})
