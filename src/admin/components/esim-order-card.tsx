import { ArrowPath, XCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { CANCELED_BY_MERCHANT, cancelOutcomeText, isCancellable } from "../lib/cancel"
import { formatDateTime, formatMoney, intentErrorText } from "../lib/format"
import { isRetryable } from "../lib/status"
import { EsimOrder } from "../lib/types"
import { EsimCard } from "./esim-card"
import { EsimStatusBadge } from "./esim-status-badge"

const WAITING_TEXT: Partial<Record<EsimOrder["status"], string>> = {
  pending: "Queued: the purchase has not been sent to esimfly yet.",
  purchasing: "Buying from esimfly…",
  pending_details: "Bought. esimfly is still provisioning the eSIM details; they appear here when ready.",
}

type EsimIntentCardProps = {
  intent: EsimOrder
  balanceCurrency?: string | null
  retrying: boolean
  onRetry: (intent: EsimOrder) => void
  cancelling?: boolean
  onCancel?: (intent: EsimOrder) => void
}

const IntentFacts = ({ intent }: { intent: EsimOrder }) => (
  <Text size="small" className="text-ui-fg-subtle">
    {[
      `quantity ${intent.quantity}`,
      intent.amount !== null ? `cost ${formatMoney(intent.amount, intent.currency_code)}` : null,
      intent.esimfly_order_reference ? `esimfly ref. ${intent.esimfly_order_reference}` : null,
      `${intent.attempts} attempt${intent.attempts === 1 ? "" : "s"}`,
      intent.last_attempt_at ? `last ${formatDateTime(intent.last_attempt_at)}` : null,
    ]
      .filter(Boolean)
      .join(" · ")}
  </Text>
)

/** One purchase intent (one esimfly order of up to 10 eSIMs): its state, why it stopped, and its eSIMs. */
export const EsimIntentCard = ({ intent, balanceCurrency, retrying, onRetry, cancelling, onCancel }: EsimIntentCardProps) => {
  const error = intentErrorText(intent, balanceCurrency)
  const cancelOutcome = cancelOutcomeText(intent)
  const esims = intent.esims ?? []
  const waiting = WAITING_TEXT[intent.status]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="esim-intent" data-intent-id={intent.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus" className="font-mono">
              {intent.package_code}
            </Text>
            <EsimStatusBadge status={intent.status} testId="esim-order-status" />
          </div>
          <IntentFacts intent={intent} />
        </div>
        {isRetryable(intent.status) && intent.error_code !== CANCELED_BY_MERCHANT && (
          <Button size="small" variant="secondary" isLoading={retrying} onClick={() => onRetry(intent)}>
            <ArrowPath />
            Retry purchase
          </Button>
        )}
        {onCancel && isCancellable(intent) && (
          <Button size="small" variant="secondary" isLoading={cancelling} onClick={() => onCancel(intent)} data-testid="esim-cancel">
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
        <Text size="small" className={cancelOutcome.failed ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="esim-cancel-outcome">
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
