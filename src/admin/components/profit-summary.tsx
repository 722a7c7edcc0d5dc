import { Container, DatePicker, Label } from "@medusajs/ui"
import { useState } from "react"
import { useEsimProfit } from "../hooks/use-esim-profit"
import { formatDateTime } from "../lib/format"
import { endOfDay, startOfDay } from "../lib/table-state"
import { CardHeader } from "./card-header"
import { ProfitTable } from "./profit-table"
import { SectionEmpty, SectionError, SectionSkeleton } from "./section-states"

const DEFAULT_DAYS = 30

const defaultFrom = () => startOfDay(new Date(Date.now() - DEFAULT_DAYS * 24 * 60 * 60 * 1000))

const DateField = ({
  id,
  label,
  value,
  onChange,
}: {
  id: string
  label: string
  value: Date | null
  onChange: (value: Date | null) => void
}) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Label>
    <DatePicker id={id} aria-label={label} size="small" value={value} onChange={onChange} maxValue={new Date()} />
  </div>
)

/** What the eSIMs earned in a date window (last 30 days by default), per currency pair. */
export const ProfitSummary = () => {
  const [from, setFrom] = useState<Date | null>(defaultFrom)
  const [to, setTo] = useState<Date | null>(() => new Date())
  const query = {
    from_date: from ? startOfDay(from).toISOString() : undefined,
    to_date: to ? endOfDay(to).toISOString() : undefined,
  }
  const { data: profit, error, isPending, refetch } = useEsimProfit(query)
  const period = `${from ? formatDateTime(query.from_date) : "the start"} to ${to ? formatDateTime(query.to_date) : "now"}`

  return (
    <Container className="divide-y p-0" data-testid="esim-profit">
      <CardHeader
        title="Profit"
        description="Shop price minus esimfly cost of delivered eSIMs, per currency."
        align="end"
        actions={
          <div className="flex gap-x-2">
            <DateField id="esim-profit-from" label="From" value={from} onChange={setFrom} />
            <DateField id="esim-profit-to" label="To" value={to} onChange={setTo} />
          </div>
        }
      />
      {isPending && <SectionSkeleton rows={2} />}
      {error && <SectionError title="Could not compute the profit" error={error} onRetry={() => refetch()} />}
      {profit && !profit.rows.length && (
        <SectionEmpty title="No eSIMs sold in this period" description={`Nothing was bought from ${period}.`} />
      )}
      {profit && profit.rows.length > 0 && <ProfitTable rows={profit.rows} />}
    </Container>
  )
}
