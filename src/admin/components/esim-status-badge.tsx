import { StatusBadge } from "@medusajs/ui"
import { statusColor, statusLabel } from "../lib/status"

type EsimStatusBadgeProps = { status: string | null | undefined; testId?: string }

/** A status in words with its color: green done, blue/orange under way, red needs a person. */
export const EsimStatusBadge = ({ status, testId }: EsimStatusBadgeProps) => (
  <StatusBadge color={statusColor(status)} data-testid={testId} data-status={status ?? undefined}>
    {statusLabel(status)}
  </StatusBadge>
)
