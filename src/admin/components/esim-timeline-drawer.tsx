import { Badge, Button, Drawer, Text } from "@medusajs/ui"
import { useState } from "react"
import { useEsimTimeline } from "../hooks/use-esim-timeline"
import { formatDateTime } from "../lib/format"
import { EsimTimelineEntry, EsimWithTimeline } from "../lib/types"
import { SectionEmpty, SectionError, SectionSkeleton } from "./section-states"

const KIND_WORDS: Record<EsimTimelineEntry["kind"], string> = {
  purchase: "Purchase",
  delivery: "Delivery",
  event: "esimfly event",
  top_up: "Top-up",
}

const mb = (value: number | null) =>
  value === null ? "—" : value >= 1024 ? `${(value / 1024).toFixed(2)} GB` : `${value} MB`

/** Data left and status from the mirror, with when it was read. */
const DataLeft = ({ esim }: { esim: EsimWithTimeline }) => (
  <div className="flex flex-col gap-y-1" data-testid="esim-data-left">
    <Text size="small" weight="plus">
      {esim.is_unlimited ? "Unlimited data" : `${mb(esim.remaining_mb)} left of ${mb(esim.total_mb)}`}
    </Text>
    <Text size="small" className="text-ui-fg-subtle">
      Status {esim.lifecycle_status}
      {esim.used_mb !== null ? ` · ${mb(esim.used_mb)} used` : ""}
      {esim.installed_at ? ` · installed ${formatDateTime(esim.installed_at)}` : ""}
      {esim.expires_at ? ` · expires ${formatDateTime(esim.expires_at)}` : ""}
      {` · usage read ${esim.usage_read_at ? formatDateTime(esim.usage_read_at) : "never"}`}
    </Text>
  </div>
)

const TimelineList = ({ entries }: { entries: EsimTimelineEntry[] }) =>
  entries.length ? (
    <ol className="flex flex-col gap-y-3" data-testid="esim-timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="border-ui-border-base flex flex-col border-l-2 pl-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            {formatDateTime(entry.at)} · {KIND_WORDS[entry.kind]}
          </Text>
          <div className="flex flex-wrap items-center gap-2">
            <Text size="small" weight="plus">
              {entry.title}
            </Text>
            {entry.status && <Badge size="2xsmall">{entry.status}</Badge>}
          </div>
          {entry.detail && (
            <Text size="small" className="text-ui-fg-subtle break-all">
              {entry.detail}
            </Text>
          )}
        </li>
      ))}
    </ol>
  ) : (
    <SectionEmpty title="Nothing on the timeline yet" />
  )

/** "Timeline" button and drawer: the eSIM's data left and its purchase, delivery, esimfly events and top-ups. */
export const EsimTimelineDrawer = ({ iccid }: { iccid: string }) => {
  const [open, setOpen] = useState(false)
  const { data: esim, error, isPending, refetch } = useEsimTimeline(iccid, { enabled: open })
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent" data-testid="esim-timeline-open">
          Timeline
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>eSIM {iccid}</Drawer.Title>
          <Drawer.Description>Data left and everything that happened to this eSIM, oldest first.</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {isPending && <SectionSkeleton rows={4} />}
          {error && <SectionError title="Could not read the eSIM" error={error} onRetry={() => refetch()} />}
          {esim && <DataLeft esim={esim} />}
          {esim && <TimelineList entries={esim.timeline} />}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
