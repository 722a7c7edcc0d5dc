import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { EsimIntentCard } from "../components/esim-order-card"
import { PurchaseHoldNotice } from "../components/purchase-hold-notice"
import { SectionError } from "../components/section-states"
import { useConfirmedCancel } from "../hooks/use-confirmed-cancel"
import { useConfirmedRetry } from "../hooks/use-confirmed-retry"
import { useResendEsimEmail } from "../hooks/use-esim-order-actions"
import { useEsimOrders } from "../hooks/use-esim-orders"
import { useEsimflyBalance } from "../hooks/use-esimfly-balance"
import { requestErrorText } from "../lib/format"
import { EsimOrder } from "../lib/types"

const IN_FLIGHT: EsimOrder["status"][] = ["pending", "purchasing", "pending_details"]

const ResendButton = ({ intent }: { intent: EsimOrder }) => {
  const resend = useResendEsimEmail()
  const onClick = () =>
    resend.mutate(intent.id, {
      onSuccess: () => toast.success("Email sent", { description: "The eSIM details were emailed to the customer again" }),
      onError: (error) => toast.error("Email not sent", { description: requestErrorText(error) }),
    })
  return (
    <Button size="small" variant="secondary" isLoading={resend.isPending} onClick={onClick}>
      <Envelope />
      Resend email
    </Button>
  )
}

/** Every eSIM of the order, per purchase intent, with retry and resend; nothing for orders without eSIMs. */
const EsimOrderWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const query = { order_id: order.id, limit: 100, offset: 0 }
  const { data, error, isPending, refetch } = useEsimOrders(query, {
    // Keep an order that is still being bought or provisioned up to date without a reload.
    refetchInterval: (current) => (current?.some((i) => IN_FLIGHT.includes(i.status)) ? 10_000 : false),
  })
  const intents = data?.esim_orders ?? []
  const needsBalance = intents.some((intent) => intent.error_code === "INSUFFICIENT_BALANCE")
  const { data: balance } = useEsimflyBalance({ enabled: needsBalance })
  const { run, pendingId } = useConfirmedRetry()
  const cancel = useConfirmedCancel()

  if (error) {
    return (
      <Container className="p-0" data-testid="esim-order-widget">
        <SectionError title="Could not load this order's eSIMs" error={error} onRetry={() => refetch()} />
      </Container>
    )
  }
  // An order whose eSIMs wait (for the payment's capture, say) says so; it has no intent yet.
  if (!intents.length && data?.purchase_hold) {
    return <PurchaseHoldNotice reason={data.purchase_hold} />
  }
  // While loading and for orders without eSIMs, stay out of the way of ordinary orders.
  if (isPending || !intents.length) {
    return null
  }
  const delivered = intents.find((intent) => intent.esims?.length)
  const esimCount = intents.reduce((sum, intent) => sum + (intent.esims?.length ?? 0), 0)
  const ordered = intents.reduce((sum, intent) => sum + intent.quantity, 0)
  return (
    <Container className="divide-y p-0" data-testid="esim-order-widget">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <div>
          <Heading level="h2">eSIMs</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {esimCount} of {ordered} eSIM{ordered === 1 ? "" : "s"} delivered, bought in {intents.length} esimfly order{intents.length === 1 ? "" : "s"}
          </Text>
        </div>
        {delivered && <ResendButton intent={delivered} />}
      </div>
      {intents.map((intent) => (
        <EsimIntentCard
          key={intent.id}
          intent={intent}
          balanceCurrency={balance?.currency}
          retrying={pendingId === intent.id}
          onRetry={run}
          cancelling={cancel.pendingId === intent.id}
          onCancel={cancel.run}
        />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default EsimOrderWidget
