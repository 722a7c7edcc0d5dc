import { parseWebhookEvent } from "../webhook-event"

const ICCID = "8932042000010078801"
const common = {
  iccid: ICCID,
  esim_id: 2503,
  package_code: "TR-1GB-7D",
  order_reference: "order_1692123456_ab7cd",
  source: "smdp",
}
const commonRead = {
  iccid: ICCID,
  esimId: 2503,
  packageCode: "TR-1GB-7D",
  orderReference: "order_1692123456_ab7cd",
  source: "smdp",
}
const TIMESTAMP = "2026-02-13T23:27:00.000Z"

function body(event: string, data: Record<string, unknown>): string {
  return JSON.stringify({ event, timestamp: TIMESTAMP, data: { ...common, ...data } })
}

/** Each documented event (docs: lifecycle.md table): its extra wire fields, and how the parser reads them. */
const EVENTS: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    "esim.installed",
    { eid: "8904", imsi: "2600", installed_at: TIMESTAMP },
    { eid: "8904", imsi: "2600", installedAt: TIMESTAMP },
  ],
  [
    "esim.profile.updated",
    {
      profile_status: "Enable",
      profile: "Enabled",
      previous_profile_status: "BPP installation",
      eid: "8904",
      imsi: "2600",
      changed_at: TIMESTAMP,
    },
    {
      profileStatus: "Enable",
      profile: "Enabled",
      previousProfileStatus: "BPP installation",
      eid: "8904",
      imsi: "2600",
      changedAt: TIMESTAMP,
    },
  ],
  [
    "esim.usage.threshold",
    {
      threshold_remaining_mb: 200,
      used_percent: 80.5,
      used_gb: 0.8,
      total_gb: 1,
      remaining_gb: "0.2",
      package_id: 77,
      reported_at: TIMESTAMP,
    },
    {
      thresholdRemainingMb: 200,
      usedPercent: 80.5,
      usedGb: 0.8,
      totalGb: 1,
      remainingGb: 0.2,
      packageId: 77,
      reportedAt: TIMESTAMP,
    },
  ],
  [
    "esim.status.changed",
    { old_status: "NEW", new_status: "ACTIVE", changed_at: TIMESTAMP, expiry_date: "2026-02-20T23:27:00.000Z" },
    { oldStatus: "NEW", newStatus: "ACTIVE", changedAt: TIMESTAMP, expiryDate: "2026-02-20T23:27:00.000Z" },
  ],
  [
    "esim.provisioned",
    {
      qr_code_url: "data:image/png;base64,iVBOR",
      lpa_string: "LPA:1$smdp.example$CODE",
      direct_apple_install_url: "https://esimsetup.apple.com/x",
      direct_android_install_url: "https://esimsetup.android.com/x",
      package_name: "Turkey 1 GB 7 Days",
    },
    {
      qrCodeUrl: "data:image/png;base64,iVBOR",
      lpaString: "LPA:1$smdp.example$CODE",
      directAppleInstallUrl: "https://esimsetup.apple.com/x",
      directAndroidInstallUrl: "https://esimsetup.android.com/x",
      packageName: "Turkey 1 GB 7 Days",
    },
  ],
]

describe("parseWebhookEvent", () => {
  it.each(EVENTS)("reads %s with its extra fields in camelCase", (event, wire, read) => {
    expect(parseWebhookEvent(body(event, wire))).toEqual({
      ok: true,
      event: { event, timestamp: TIMESTAMP, data: { ...commonRead, ...read } },
    })
  })

  it("reads a Buffer body, and optional fields it lacks as null", () => {
    const raw = Buffer.from(JSON.stringify({ event: "esim.installed", timestamp: TIMESTAMP, data: { iccid: ICCID } }))

    expect(parseWebhookEvent(raw)).toEqual({
      ok: true,
      event: {
        event: "esim.installed",
        timestamp: TIMESTAMP,
        data: {
          iccid: ICCID,
          esimId: null,
          packageCode: null,
          orderReference: null,
          source: null,
          eid: null,
          imsi: null,
          installedAt: null,
        },
      },
    })
  })

  it("keeps an event name it does not know as unknown, with its name, ICCID and raw data", () => {
    const result = parseWebhookEvent(body("topup.completed", { amount: 5 }))

    expect(result).toEqual({
      ok: true,
      event: {
        event: "unknown",
        name: "topup.completed",
        timestamp: TIMESTAMP,
        iccid: ICCID,
        data: { ...common, amount: 5 },
      },
    })
  })

  it.each([
    ["a body that is not JSON", "not json", "body is not a JSON object"],
    ["a JSON array", "[]", "body is not a JSON object"],
    [
      "a body without an event",
      JSON.stringify({ timestamp: TIMESTAMP, data: common }),
      "event: must be a non-empty string",
    ],
    [
      "a known event without an ICCID",
      JSON.stringify({ event: "esim.installed", timestamp: TIMESTAMP, data: { esim_id: 1 } }),
      "data.iccid",
    ],
    ["a known event without a timestamp", JSON.stringify({ event: "esim.installed", data: common }), "timestamp"],
    [
      "a known event whose threshold is not a number",
      body("esim.usage.threshold", { threshold_remaining_mb: "lots" }),
      "data.threshold_remaining_mb",
    ],
  ])("refuses %s, saying where", (_label, raw, detail) => {
    const result = parseWebhookEvent(raw)

    expect(result.ok).toBe(false)
    expect(result.ok ? "" : result.detail).toContain(detail)
  })
})
