import { buildEsimTimeline, EsimTimelineParts } from "../timeline"

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 12, minute))

const parts = (over: Partial<EsimTimelineParts> = {}): EsimTimelineParts => ({
  history: {
    events: [
      { at: at(0).toISOString(), type: "purchasing" },
      { at: at(1).toISOString(), type: "completed", message: "esimfly order order_1" },
    ],
  },
  delivery: { created_at: at(2), notification_status: "sent", notified_at: at(3), notification_error: null },
  events: [{ event: "esim.installed", status: "processed", received_at: at(10), error: null }],
  topUps: [
    {
      status: "bought",
      package_code: "TR-1GB-7D",
      package_name: "Turkey 1GB",
      created_at: at(20),
      bought_at: at(21),
      error_message: null,
    },
  ],
  ...over,
})

describe("buildEsimTimeline", () => {
  it("lists the purchase history, the delivery, each webhook event and each top-up, oldest first", () => {
    const timeline = buildEsimTimeline(parts())
    expect(timeline.map((entry) => [entry.kind, entry.title, entry.status, entry.at])).toEqual([
      ["purchase", "eSIM order purchasing", "purchasing", at(0).toISOString()],
      ["purchase", "eSIM order completed", "completed", at(1).toISOString()],
      ["delivery", "Delivery email sent", "sent", at(3).toISOString()],
      ["event", "esim.installed", "processed", at(10).toISOString()],
      ["top_up", "Top-up Turkey 1GB", "bought", at(21).toISOString()],
    ])
  })

  it("sorts an event received before a top-up was created by time, whatever the source order", () => {
    const timeline = buildEsimTimeline(
      parts({
        events: [{ event: "esim.status.changed", status: "waiting", received_at: at(30), error: "no stored eSIM" }],
        topUps: [],
        history: { events: [{ at: at(40).toISOString(), type: "needs_attention" }] },
      })
    )
    expect(timeline.map((entry) => entry.kind)).toEqual(["delivery", "event", "purchase"])
    expect(timeline[1].detail).toBe("no stored eSIM")
  })

  it("skips history lines without a readable time and shows an undelivered-email delivery at its creation", () => {
    const timeline = buildEsimTimeline(
      parts({
        history: { events: [{ at: "not a date", type: "x" }, "junk", null] },
        delivery: { created_at: at(5), notification_status: "failed", notified_at: null, notification_error: "smtp" },
        events: [],
        topUps: [],
      })
    )
    expect(timeline).toEqual([
      { at: at(5).toISOString(), kind: "delivery", title: "Delivered", status: "failed", detail: "smtp" },
    ])
  })

  it("keeps same-time entries in purchase, delivery, event, top-up order", () => {
    const timeline = buildEsimTimeline(
      parts({
        history: { events: [{ at: at(7).toISOString(), type: "delivered" }] },
        delivery: { created_at: at(7), notification_status: "sent", notified_at: at(7), notification_error: null },
        events: [{ event: "esim.installed", status: "processed", received_at: at(7), error: null }],
        topUps: [],
      })
    )
    expect(timeline.map((entry) => entry.kind)).toEqual(["purchase", "delivery", "event"])
  })
})
