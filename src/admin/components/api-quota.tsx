import { StatusBadge, Text } from "@medusajs/ui"
import { useEsimflyRateLimit } from "../hooks/use-esimfly-rate-limit"
import { formatDateTime, formatTime } from "../lib/format"
import { EsimflyRateLimit } from "../lib/types"

function quotaText(quota: EsimflyRateLimit): string {
  if (quota.limit === null || quota.remaining === null) {
    return "API quota: not reported by esimfly yet"
  }
  const left = `API quota ${quota.remaining} / ${quota.limit} left`
  if (quota.source === "documented") {
    return `${left} (esimfly's documented limit until it reports one)`
  }
  return quota.reset_at ? `${left}, resets ${formatTime(quota.reset_at)}` : left
}

/** How much of esimfly's rate limit is left, and how many calls wait for the next window. */
export const ApiQuota = () => {
  const { data: quota } = useEsimflyRateLimit()
  if (!quota) {
    return null
  }
  return (
    <div className="flex flex-wrap items-center gap-x-2" data-testid="esim-api-quota">
      <Text
        size="small"
        className="text-ui-fg-subtle"
        title={quota.reset_at ? `Resets ${formatDateTime(quota.reset_at)}` : undefined}
      >
        {quotaText(quota)}
      </Text>
      {quota.waiting > 0 && (
        <StatusBadge color="orange" data-testid="esim-api-quota-waiting">
          {quota.waiting === 1 ? "1 call waiting" : `${quota.waiting} calls waiting`}
        </StatusBadge>
      )}
      {!quota.pacing && <StatusBadge color="grey">Pacing off</StatusBadge>}
    </div>
  )
}
