import { ArrowPath } from "@medusajs/icons"
import { Alert, Container, Heading, IconButton, StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { useEsimflyBalance, useRefreshEsimflyBalance } from "../hooks/use-esimfly-balance"
import { formatDateTime, formatMoney, formatRelative } from "../lib/format"
import { EsimflyBalance } from "../lib/types"
import { ApiQuota } from "./api-quota"
import { SectionError, SectionSkeleton } from "./section-states"

const LowBalanceWarning = ({ balance }: { balance: EsimflyBalance }) => (
  <Alert variant="warning" data-testid="esim-balance-low">
    Below your warning threshold of {formatMoney(balance.low_balance_threshold, balance.currency)}. When it runs out,
    eSIM purchases are held until you top up at esimfly and retry them.
  </Alert>
)

const BALANCE_SOURCE_WORDS: Record<string, string> = {
  create_order: "reported by the last purchase",
  cancel: "reported by the last refund",
  refresh: "read by the balance job",
  admin: "read on refresh",
}

/** The esimfly wholesale balance that pays for every eSIM (the shared mirror, with its age), a low warning, and the API quota. */
export const BalanceCard = () => {
  const { data: balance, error, isPending, isFetching, refetch } = useEsimflyBalance()
  const refresh = useRefreshEsimflyBalance()
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="esim-balance">
      <div className="flex items-center justify-between">
        <Heading level="h2">esimfly balance</Heading>
        <Tooltip content="Refresh">
          <IconButton
            size="small"
            variant="transparent"
            aria-label="Refresh balance"
            disabled={isFetching || refresh.isPending}
            onClick={() => refresh.mutate()}
          >
            <ArrowPath />
          </IconButton>
        </Tooltip>
      </div>
      {isPending && <SectionSkeleton rows={2} />}
      {error && <SectionError title="Could not read the esimfly balance" error={error} onRetry={() => refetch()} />}
      {balance && (
        <>
          <div className="flex items-center gap-x-3">
            <Text size="xlarge" weight="plus" data-testid="esim-balance-amount">
              {formatMoney(balance.amount, balance.currency)}
            </Text>
            <StatusBadge color={balance.is_low ? "red" : "green"}>{balance.is_low ? "Low balance" : "OK"}</StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle" title={formatDateTime(balance.as_of)}>
            As of {formatRelative(balance.as_of)} ({formatDateTime(balance.as_of)}),{" "}
            {BALANCE_SOURCE_WORDS[balance.source] ?? "read from esimfly"}
          </Text>
          {balance.is_low && <LowBalanceWarning balance={balance} />}
        </>
      )}
      <ApiQuota />
    </Container>
  )
}
