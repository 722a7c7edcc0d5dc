import { Clock } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import type { IneligibleReason } from "../../modules/esim/purchase"

const TEXTS: Record<IneligibleReason, { title: string; description: string }> = {
  awaiting_capture: {
    title: "Waiting for payment capture",
    description: "The eSIMs are bought once the payment is captured.",
  },
  payment_canceled: { title: "Payment canceled", description: "The authorization was canceled: no eSIM is bought." },
  draft: { title: "Draft order", description: "The eSIMs are bought once the draft is converted into an order." },
  canceled: { title: "Order canceled", description: "No eSIM is bought for a canceled order." },
  archived: { title: "Order archived", description: "No eSIM is bought for an archived order." },
  not_found: { title: "Order not found", description: "No eSIM is bought." },
}

/** Why an order with eSIM lines has bought none yet, e.g. "Waiting for payment capture". */
export const PurchaseHoldNotice = ({ reason }: { reason: IneligibleReason }) => (
  <Container className="flex items-start gap-x-3 px-6 py-4" data-testid="esim-purchase-hold">
    <Clock className="text-ui-fg-subtle mt-0.5" />
    <div>
      <Heading level="h2">eSIMs</Heading>
      <Text size="small" weight="plus">
        {TEXTS[reason].title}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {TEXTS[reason].description}
      </Text>
    </div>
  </Container>
)
