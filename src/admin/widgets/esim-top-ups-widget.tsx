import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Button, Container, Text, toast } from "@medusajs/ui"
import { CardHeader } from "../components/card-header"
import { EsimStatusBadge } from "../components/esim-status-badge"
import { SectionError } from "../components/section-states"
import { useEsimTopUps, useRetryEsimTopUp } from "../hooks/use-esim-top-ups"
import { requestErrorText } from "../lib/format"
import { EsimTopUp } from "../lib/types"

/** A held top-up, or one esimfly refused, may be sent again (never one judged not applied from total_mb). */
const retryable = (topUp: EsimTopUp) =>
  !topUp.cancel_requested_at &&
  (topUp.status === "held" || (topUp.status === "failed" && topUp.error_code !== "TOPUP_NOT_APPLIED"))

const gb = (mb: number | null) => (mb === null ? "?" : `${Math.round((mb / 1024) * 100) / 100} GB`)

const TopUpRow = ({ topUp, orderId }: { topUp: EsimTopUp; orderId: string }) => {
  const retry = useRetryEsimTopUp(orderId)
  const onRetry = () =>
    retry.mutate(topUp.id, {
      onSuccess: ({ esim_top_up }) => toast.success("Top-up sent again", { description: `Now ${esim_top_up.status}` }),
      onError: (error) => toast.error("Top-up not sent", { description: requestErrorText(error) }),
    })
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4" data-testid="esim-top-up-row">
      <div className="flex flex-col gap-1">
        <Text size="small" weight="plus">
          {topUp.package_name ?? topUp.package_code} · ICCID {topUp.iccid}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {topUp.status === "bought"
            ? `Data ${gb(topUp.total_mb_before)} → ${gb(topUp.total_mb_after)}; esimfly ${topUp.esimfly_order_reference ?? "reference unknown (settled from the data total)"}`
            : (topUp.error_message ?? "Not bought yet")}
        </Text>
      </div>
      <div className="flex items-center gap-2">
        <EsimStatusBadge status={topUp.status} />
        {retryable(topUp) && (
          <Button size="small" variant="secondary" isLoading={retry.isPending} onClick={onRetry}>
            Retry
          </Button>
        )}
      </div>
    </div>
  )
}

/** The order's top-ups with their status, data before and after, and a retry for a hold; nothing for other orders. */
const EsimTopUpsWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data: topUps, error, refetch } = useEsimTopUps(order.id)
  if (error) {
    return (
      <Container className="p-0">
        <SectionError title="Could not load this order's top-ups" error={error} onRetry={() => refetch()} />
      </Container>
    )
  }
  if (!topUps?.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="esim-top-ups-widget">
      <CardHeader title="eSIM top-ups" description="Data added to the customer's eSIMs, bought once from esimfly" />
      {topUps.map((topUp) => (
        <TopUpRow key={topUp.id} topUp={topUp} orderId={order.id} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default EsimTopUpsWidget
