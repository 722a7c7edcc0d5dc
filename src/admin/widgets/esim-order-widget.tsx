import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Button, Container, toast } from "@medusajs/ui"
import { CardHeader } from "../components/card-header"
import { EsimOrderCard } from "../components/esim-order-card"
import { PurchaseHoldNotice } from "../components/purchase-hold-notice"
import { SectionError } from "../components/section-states"
import { useConfirmedCancel } from "../hooks/use-confirmed-cancel"
import { useRetryableRows } from "../hooks/use-confirmed-retry"
import { useResendEsimEmail } from "../hooks/use-esim-order-actions"
import { useEsimOrders } from "../hooks/use-esim-orders"
import { useEsimflyBalance } from "../hooks/use-esimfly-balance"
import { requestErrorText } from "../lib/format"
import { EsimOrder } from "../lib/types"

const IN_FLIGHT: EsimOrder["status"][] = ["pending", "purchasing", "pending_details"]

const ResendButton = ({ esimOrder }: { esimOrder: EsimOrder }) => {
  const resend = useResendEsimEmail()
  const onClick = () =>
    resend.mutate(esimOrder.id, {
      onSuccess: () =>
        toast.success("Email sent", { description: "The eSIM details were emailed to the customer again" }),
      onError: (error) => toast.error("Email not sent", { description: requestErrorText(error) }),
    })
  return (
    <Button size="small" variant="secondary" isLoading={resend.isPending} onClick={onClick}>
      <Envelope />
      Resend email
    </Button>
  )
}

/** Every eSIM of the order, per eSIM order, with retry and resend; nothing for orders without eSIMs. */
const EsimOrderWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const query = { order_id: order.id, limit: 100, offset: 0 }
  const { data, error, isPending, refetch } = useEsimOrders(query, {
    // Keep an order that is still being bought or provisioned up to date without a reload.
    refetchInterval: (current) => (current?.some((i) => IN_FLIGHT.includes(i.status)) ? 10_000 : false),
  })
  const esimOrders = data?.esim_orders ?? []
  const needsBalance = esimOrders.some((esimOrder) => esimOrder.error_code === "INSUFFICIENT_BALANCE")
  const { data: balance } = useEsimflyBalance({ enabled: needsBalance })
  const rowProps = useRetryableRows(balance?.currency)
  const cancel = useConfirmedCancel()

  if (error) {
    return (
      <Container className="p-0" data-testid="esim-order-widget">
        <SectionError title="Could not load this order's eSIMs" error={error} onRetry={() => refetch()} />
      </Container>
    )
  }
  // An order whose eSIMs wait (for the payment's capture, say) says so; it has no eSIM order yet.
  if (!esimOrders.length && data?.purchase_hold) {
    return <PurchaseHoldNotice reason={data.purchase_hold} />
  }
  // While loading and for orders without eSIMs, stay out of the way of ordinary orders.
  if (isPending || !esimOrders.length) {
    return null
  }
  const delivered = esimOrders.find((esimOrder) => esimOrder.esims?.length)
  const esimCount = esimOrders.reduce((sum, esimOrder) => sum + (esimOrder.esims?.length ?? 0), 0)
  const ordered = esimOrders.reduce((sum, esimOrder) => sum + esimOrder.quantity, 0)
  return (
    <Container className="divide-y p-0" data-testid="esim-order-widget">
      <CardHeader
        title="eSIMs"
        description={`${esimCount} of ${ordered} eSIM${ordered === 1 ? "" : "s"} delivered, bought in ${esimOrders.length} esimfly order${esimOrders.length === 1 ? "" : "s"}`}
        align="center"
        actions={delivered && <ResendButton esimOrder={delivered} />}
      />
      {esimOrders.map((esimOrder) => (
        <EsimOrderCard
          key={esimOrder.id}
          {...rowProps(esimOrder)}
          cancelling={cancel.pendingId === esimOrder.id}
          onCancel={cancel.run}
        />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default EsimOrderWidget
