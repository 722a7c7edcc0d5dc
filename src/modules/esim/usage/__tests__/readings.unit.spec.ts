import { KnownWebhookEvent, parseWebhookEvent } from "../../../../lib/esimfly"
import type { EsimUsage } from "../../../../lib/esimfly"
import { listedEsimReading, thresholdReading, usageQueryReading } from ".."

const ICCID = "8988000000000000011"
const AT = new Date("2026-12-03T12:00:00Z")

const usage = (
  data: Partial<EsimUsage["data"]>,
  validity: Partial<NonNullable<EsimUsage["validity"]>> = {}
): EsimUsage => ({
  iccid: ICCID,
  orderReference: "order_1",
  packageName: "Turkey 1GB",
  status: "ACTIVE",
  data: { totalMb: 1024, usedMb: 974, remainingMb: 50, usagePercentage: 95.12, isUnlimited: false, ...data },
  validity: {
    days: 7,
    activatedAt: "2026-12-01T00:00:00Z",
    expiresAt: "2026-12-08T00:00:00Z",
    isExpired: false,
    ...validity,
  },
})

function threshold(data: Record<string, unknown>): KnownWebhookEvent & { event: "esim.usage.threshold" } {
  const body = { event: "esim.usage.threshold", timestamp: "2026-12-03T10:00:05Z", data: { iccid: ICCID, ...data } }
  const parsed = parseWebhookEvent(JSON.stringify(body))
  if (!parsed.ok || parsed.event.event !== "esim.usage.threshold") throw new Error("bad sample")
  return parsed.event
}

describe("usage readings", () => {
  it("a usage-query answer gives its MB figures, status, activation and expiry, read at the given time", () => {
    expect(usageQueryReading(usage({}), AT)).toEqual({
      iccid: ICCID,
      read_at: AT,
      figures: { total_mb: 1024, used_mb: 974, remaining_mb: 50, is_unlimited: false },
      status: "ACTIVE",
      installed_at: new Date("2026-12-01T00:00:00Z"),
      expires_at: new Date("2026-12-08T00:00:00Z"),
    })
  })

  it("an unlimited plan's total and remaining 0 become null with unlimited true, never 0 MB left", () => {
    const reading = usageQueryReading(usage({ totalMb: 0, remainingMb: 0, usedMb: 3000, isUnlimited: true }), AT)
    expect(reading.figures).toEqual({ total_mb: null, used_mb: 3000, remaining_mb: null, is_unlimited: true })
  })

  it("a total of 0 without the unlimited flag is read as unlimited too", () => {
    const reading = usageQueryReading(usage({ totalMb: 0, remainingMb: 0, isUnlimited: null }), AT)
    expect(reading.figures).toMatchObject({ remaining_mb: null, is_unlimited: true })
  })

  it("takes no expiry before activation: esimfly's expires_at is then the install deadline", () => {
    const reading = usageQueryReading(usage({}, { activatedAt: null }), AT)
    expect({ installed_at: reading.installed_at, expires_at: reading.expires_at }).toEqual({
      installed_at: null,
      expires_at: null,
    })
  })

  it("a GET /esims item without data gives no figures but keeps its status", () => {
    const item = { ...usage({}), id: 1, packageCode: "TR-1GB-7D", countries: [], data: null, createdAt: null }
    const listed = {
      ...item,
      isPending: null,
      phoneNumber: null,
      imsi: null,
      simStatus: null,
      esimStatus: null,
      profileStatus: null,
    }
    expect(listedEsimReading(listed, AT)).toMatchObject({ figures: null, status: "ACTIVE" })
  })

  it("a threshold event's GB figures become MB at 1024 MB per GB, read at reported_at", () => {
    const event = threshold({
      threshold_remaining_mb: 50,
      used_gb: 0.951,
      total_gb: 1,
      remaining_gb: 0.049,
      reported_at: "2026-12-03T10:00:00Z",
    })
    expect(thresholdReading(event)).toEqual({
      iccid: ICCID,
      read_at: new Date("2026-12-03T10:00:00Z"),
      figures: { total_mb: 1024, used_mb: 974, remaining_mb: 50, is_unlimited: false },
      status: null,
      installed_at: null,
      expires_at: null,
    })
  })

  it("a threshold event without remaining_gb falls back to the threshold and to the event time", () => {
    const reading = thresholdReading(threshold({ threshold_remaining_mb: 200 }))
    expect(reading).toMatchObject({
      read_at: new Date("2026-12-03T10:00:05Z"),
      figures: { remaining_mb: 200, total_mb: null },
    })
  })
})
