import { ArrowPath, XCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { CANCELED_BY_MERCHANT, cancelOutcomeText, isCancellable } from "../lib/cancel"
import { formatDateTime, formatMoney, esimOrderErrorText } from "../lib/format"
import { isRetryable } from "../lib/status"
import { EsimOrder } from "../lib/types"
import { EsimCard } from "./esim-card"
import { EsimStatusBadge } from "./esim-status-badge"

const WAITING_TEXT: Partial<Record<EsimOrder["status"], string>> = {
  pending: "Queued: the purchase has not been sent to esimfly yet.",
  purchasing: "Buying from esimfly…",
  pending_details: "Bought. esimfly is still provisioning the eSIM details; they appear here when ready.",
}

type EsimOrderCardProps = {
  esimOrder: EsimOrder
  balanceCurrency?: string | null
  retrying: boolean
  onRetry: (esimOrder: EsimOrder) => void
  cancelling?: boolean
  onCancel?: (esimOrder: EsimOrder) => void
}

const EsimOrderFacts = ({ esimOrder }: { esimOrder: EsimOrder }) => (
  <Text size="small" className="text-ui-fg-subtle">
    {[
      `quantity ${esimOrder.quantity}`,
      esimOrder.amount !== null ? `cost ${formatMoney(esimOrder.amount, esimOrder.currency_code)}` : null,
      esimOrder.esimfly_order_reference ? `esimfly ref. ${esimOrder.esimfly_order_reference}` : null,
      `${esimOrder.attempts} attempt${esimOrder.attempts === 1 ? "" : "s"}`,
      esimOrder.last_attempt_at ? `last ${formatDateTime(esimOrder.last_attempt_at)}` : null,
    ]
      .filter(Boolean)
      .join(" · ")}
  </Text>
)

/** One eSIM order (one esimfly order of up to 10 eSIMs): its state, why it stopped, and its eSIMs. */
export const EsimOrderCard = ({
  esimOrder,
  balanceCurrency,
  retrying,
  onRetry,
  cancelling,
  onCancel,
}: EsimOrderCardProps) => {
  const error = esimOrderErrorText(esimOrder, balanceCurrency)
  const cancelOutcome = cancelOutcomeText(esimOrder)
  const esims = esimOrder.esims ?? []
  const waiting = WAITING_TEXT[esimOrder.status]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="esim-order" data-esim-order-id={esimOrder.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus" className="font-mono">
              {esimOrder.package_code}
            </Text>
            <EsimStatusBadge status={esimOrder.status} testId="esim-order-status" />
          </div>
          <EsimOrderFacts esimOrder={esimOrder} />
        </div>
        {isRetryable(esimOrder.status) && esimOrder.error_code !== CANCELED_BY_MERCHANT && (
          <Button size="small" variant="secondary" isLoading={retrying} onClick={() => onRetry(esimOrder)}>
            <ArrowPath />
            Retry purchase
          </Button>
        )}
        {onCancel && isCancellable(esimOrder) && (
          <Button
            size="small"
            variant="secondary"
            isLoading={cancelling}
            onClick={() => onCancel(esimOrder)}
            data-testid="esim-cancel"
          >
            <XCircle />
            Cancel at esimfly
          </Button>
        )}
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="esim-order-error">
          {error}
        </Text>
      )}
      {cancelOutcome && (
        <Text
          size="small"
          className={cancelOutcome.failed ? "text-ui-fg-error" : "text-ui-fg-subtle"}
          data-testid="esim-cancel-outcome"
        >
          {cancelOutcome.text}
        </Text>
      )}
      {waiting && !esims.length && (
        <Text size="small" className="text-ui-fg-muted">
          {waiting}
        </Text>
      )}
      {esims.length > 0 && (
        <div className="divide-y divide-dashed">
          {esims.map((esim) => (
            <EsimCard key={esim.id} esim={esim} />
          ))}
        </div>
      )}
    </div>
  )
}
