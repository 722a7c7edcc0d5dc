import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { RetryableRowProps, useRetryableRows } from "../hooks/use-confirmed-retry"
import { useEsimOrders } from "../hooks/use-esim-orders"
import { useEsimflyBalance } from "../hooks/use-esimfly-balance"
import { formatDateTime, esimOrderErrorText } from "../lib/format"
import { RETRYABLE_STATUSES } from "../lib/types"
import { CardHeader } from "./card-header"
import { EsimStatusBadge } from "./esim-status-badge"
import { SectionEmpty, SectionError, SectionSkeleton } from "./section-states"

const LIMIT = 20

const AttentionRow = ({ esimOrder, balanceCurrency, retrying, onRetry }: RetryableRowProps) => (
  <div
    className="flex flex-wrap items-start justify-between gap-3 px-6 py-4"
    data-testid="esim-attention-row"
    data-esim-order-id={esimOrder.id}
  >
    <div className="flex min-w-0 flex-1 flex-col gap-y-1">
      <div className="flex flex-wrap items-center gap-x-2">
        <EsimStatusBadge status={esimOrder.status} />
        <Link
          to={`/orders/${esimOrder.order_id}`}
          className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
        >
          Order {esimOrder.order_id}
        </Link>
        <Text size="small" className="text-ui-fg-subtle">
          {esimOrder.quantity} × {esimOrder.package_code}
        </Text>
      </div>
      <Text size="small" className="text-ui-fg-error">
        {esimOrderErrorText(esimOrder, balanceCurrency) ?? "No reason recorded"}
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        {esimOrder.attempts} attempt{esimOrder.attempts === 1 ? "" : "s"}
        {esimOrder.last_attempt_at ? `, last ${formatDateTime(esimOrder.last_attempt_at)}` : ""}
      </Text>
    </div>
    <Button size="small" variant="secondary" isLoading={retrying} onClick={() => onRetry(esimOrder)}>
      <ArrowPath />
      Retry purchase
    </Button>
  </div>
)

/** Purchases that stopped (held, failed or unsettled) and wait for a person, each with a retry. */
export const NeedsAttentionList = () => {
  const { data, error, isPending, refetch } = useEsimOrders({
    status: [...RETRYABLE_STATUSES],
    limit: LIMIT,
    offset: 0,
  })
  const { data: balance } = useEsimflyBalance()
  const rowProps = useRetryableRows(balance?.currency)
  const esimOrders = data?.esim_orders ?? []
  return (
    <Container className="divide-y p-0" data-testid="esim-needs-attention">
      <CardHeader
        title={`Needs attention${data?.count ? ` (${data.count})` : ""}`}
        description="Held, failed and unsettled purchases. A retry buys only what was not bought."
      />
      {isPending && <SectionSkeleton rows={2} />}
      {error && (
        <SectionError
          title="Could not load the purchases that need attention"
          error={error}
          onRetry={() => refetch()}
        />
      )}
      {data && !esimOrders.length && (
        <SectionEmpty positive title="Nothing needs attention" description="Every eSIM purchase went through." />
      )}
      {esimOrders.map((esimOrder) => (
        <AttentionRow key={esimOrder.id} {...rowProps(esimOrder)} />
      ))}
      {data && data.count > esimOrders.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          Showing the newest {esimOrders.length} of {data.count}; filter the eSIM orders below by status to see the
          rest.
        </Text>
      )}
    </Container>
  )
}
