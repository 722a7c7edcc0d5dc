import { Alert, Badge, Text } from "@medusajs/ui"
import type { CatalogueSyncResult, CatalogueSyncStatus } from "../lib/catalogue-types"
import { formatDateTime, formatMoney } from "../lib/format"
import { SectionEmpty } from "./section-states"

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`

const Counts = ({ result }: { result: CatalogueSyncResult }) => {
  const counts: [string, number][] = [
    ["products created", result.products_created],
    ["products updated", result.products_updated],
    ["variants created", result.variants_created],
    ["variants updated", result.variants_updated],
    ["variants deactivated", result.variants_deactivated],
  ]
  return (
    <div className="flex flex-wrap gap-2">
      {counts.map(([label, count]) => (
        <Badge key={label} size="2xsmall" color={count > 0 ? "blue" : "grey"}>
          {count} {label}
        </Badge>
      ))}
    </div>
  )
}

const Warnings = ({ result }: { result: CatalogueSyncResult }) => (
  <>
    {result.deactivation_aborted && (
      <Alert variant="warning" data-testid="esim-catalogue-aborted">
        Nothing was deactivated: {result.deactivation_aborted_reason ?? "the catalogue could not be read in full"}.
        {result.failed_pages.length > 0 &&
          ` Failed: ${result.failed_pages.map((page) => `page ${page.page} (${page.message})`).join("; ")}.`}
      </Alert>
    )}
    {result.below_floor.length > 0 && (
      <Alert variant="warning" data-testid="esim-catalogue-below-floor">
        {plural(result.below_floor.length, "price")} under the margin floor:{" "}
        {result.below_floor
          .slice(0, 5)
          .map(
            (entry) =>
              `${entry.package_code} ${formatMoney(entry.amount, entry.currency_code)} (${entry.margin_percent ?? "—"}%${entry.price_override ? ", set by hand" : ""})`
          )
          .join(", ")}
        {result.below_floor.length > 5 && ", …"}
      </Alert>
    )}
    {result.unpriced.map((entry) => (
      <Alert key={`${entry.currency_code}/${entry.problem}`} variant="info">
        {plural(entry.packages, "package")} not priced in {entry.currency_code.toUpperCase()}: {entry.problem}.
      </Alert>
    ))}
    {result.conflicts.map((conflict) => (
      <Alert key={conflict.handle} variant="info">
        {conflict.handle} skipped: {conflict.reason}.
      </Alert>
    ))}
  </>
)

const Progress = ({ status }: { status: CatalogueSyncStatus }) => {
  const { pages_read, total_pages, packages_read, products_created, products_updated, variants_deactivated } =
    status.progress
  return (
    <Text size="small" aria-live="polite" data-testid="esim-catalogue-progress">
      Syncing: page {pages_read} of {total_pages ?? "?"} read, {plural(packages_read, "package")}; {products_created}{" "}
      products created, {products_updated} updated, {variants_deactivated} variants deactivated.
    </Text>
  )
}

/** What the running sync did so far, or what the last one did. */
export const CatalogueSyncResultView = ({ status }: { status: CatalogueSyncStatus }) => {
  if (status.state === "idle") {
    return (
      <SectionEmpty
        title="No sync since the server started"
        description="The scheduled job or Sync now fills the catalogue."
      />
    )
  }
  if (status.state === "running") {
    return (
      <div className="px-6 py-4">
        <Progress status={status} />
      </div>
    )
  }
  if (status.state === "failed" || !status.result) {
    return (
      <div className="px-6 py-4">
        <Alert variant="error">
          The last sync failed: {status.error ?? "unknown error"}. Nothing it wrote was kept.
        </Alert>
      </div>
    )
  }
  const { result } = status
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="esim-catalogue-result">
      <Text size="small" className="text-ui-fg-subtle">
        Last sync {formatDateTime(status.finished_at)}: {plural(result.pages_read, "page")},{" "}
        {plural(result.packages_read, "package")} read.
      </Text>
      <Counts result={result} />
      <Warnings result={result} />
    </div>
  )
}
