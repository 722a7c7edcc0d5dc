import type { EsimOrderRow } from "../models/esim-order"
import type { EsimProfileRow } from "../models/esim-profile"
import type { EsimTopUpRow } from "../models/esim-top-up"
import type { EsimflyWebhookEventRow } from "../models/esimfly-webhook-event"
import type EsimModuleService from "../service"
import { ESIM_LIFE_FIELDS } from "../usage"

/** One line of an eSIM's life for the admin; every field is plain text to render as text. */
export type EsimTimelineEntry = {
  at: string
  kind: "purchase" | "delivery" | "event" | "top_up"
  title: string
  status: string | null
  detail: string | null
}

type DeliveryRow = Awaited<ReturnType<EsimModuleService["listEsimDeliveries"]>>[number]

/** What the timeline is built from: the eSIM order's history, its delivery, the ICCID's webhook events and top-ups. */
export type EsimTimelineParts = {
  history: Pick<EsimOrderRow, "history">["history"] | null
  delivery: Pick<DeliveryRow, "created_at" | "notification_status" | "notified_at" | "notification_error"> | null
  events: Pick<EsimflyWebhookEventRow, "event" | "status" | "received_at" | "error">[]
  topUps: Pick<
    EsimTopUpRow,
    "status" | "package_code" | "package_name" | "created_at" | "bought_at" | "error_message"
  >[]
}

/** The profile fields the admin shows beside the timeline: the data and status mirror. */
export const ESIM_MIRROR_FIELDS = [
  "id",
  "iccid",
  "order_id",
  "package_code",
  "package_name",
  "status",
  "status_changed_at",
  ...ESIM_LIFE_FIELDS,
] as const

export type EsimMirror = Pick<EsimProfileRow, (typeof ESIM_MIRROR_FIELDS)[number]>

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

function historyEntries(history: EsimTimelineParts["history"]): EsimTimelineEntry[] {
  const events = (history as { events?: unknown } | null)?.events
  return (Array.isArray(events) ? events : [])
    .filter((event): event is Record<string, unknown> => !!event && typeof event === "object")
    .filter((event) => !Number.isNaN(Date.parse(String(event.at))))
    .map((event) => ({
      at: new Date(String(event.at)).toISOString(),
      kind: "purchase" as const,
      title: `eSIM order ${text(event.type) ?? "event"}`,
      status: text(event.type),
      detail: text(event.message) ?? text(event.code),
    }))
}

/** Every entry sorted by time, oldest first; entries at the same time keep purchase, delivery, event, top-up order. */
export function buildEsimTimeline(parts: EsimTimelineParts): EsimTimelineEntry[] {
  const { delivery } = parts
  const entries: EsimTimelineEntry[] = [
    ...historyEntries(parts.history),
    ...(delivery
      ? [
          {
            at: new Date(delivery.notified_at ?? delivery.created_at).toISOString(),
            kind: "delivery" as const,
            title: delivery.notified_at ? "Delivery email sent" : "Delivered",
            status: delivery.notification_status,
            detail: delivery.notification_error,
          },
        ]
      : []),
    ...parts.events.map((event) => ({
      at: new Date(event.received_at).toISOString(),
      kind: "event" as const,
      title: event.event,
      status: event.status,
      detail: event.error,
    })),
    ...parts.topUps.map((topUp) => ({
      at: new Date(topUp.bought_at ?? topUp.created_at).toISOString(),
      kind: "top_up" as const,
      title: `Top-up ${topUp.package_name ?? topUp.package_code}`,
      status: topUp.status,
      detail: topUp.error_message,
    })),
  ]
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry)
}

/** One eSIM's mirror and timeline for the admin; null for an ICCID the store does not hold. */
export async function readEsimTimeline(
  esim: EsimModuleService,
  iccid: string
): Promise<{ esim: EsimMirror; timeline: EsimTimelineEntry[] } | null> {
  const [profile] = await esim.listEsimProfiles({ iccid }, { select: [...ESIM_MIRROR_FIELDS, "esim_order_id"] })
  if (!profile) {
    return null
  }
  const [esimOrders, deliveries, events, topUps] = await Promise.all([
    profile.esim_order_id ? esim.listEsimOrders({ id: profile.esim_order_id }, { select: ["history"] }) : [],
    esim.listEsimDeliveries({ order_id: profile.order_id }),
    esim.listEsimflyWebhookEvents({ iccid }, { take: 200, order: { received_at: "DESC" } }),
    esim.listEsimTopUps({ iccid }, { take: 200, order: { created_at: "DESC" } }),
  ])
  const timeline = buildEsimTimeline({
    history: esimOrders[0]?.history ?? null,
    delivery: deliveries[0] ?? null,
    events,
    topUps,
  })
  const mirror = Object.fromEntries(ESIM_MIRROR_FIELDS.map((field) => [field, profile[field]])) as EsimMirror
  return { esim: mirror, timeline }
}
