import { Table, Text, Tooltip } from "@medusajs/ui"
import { usePricingPreview } from "../hooks/use-catalogue-sync"
import type { PricingPreview, PriceQuote } from "../lib/catalogue-types"
import { formatMoney } from "../lib/format"
import { SectionError, SectionSkeleton } from "./section-states"

const PREVIEW_SIZE = 5

function rulesText(rules: PricingPreview["rules"]): string {
  const fixed = Object.entries(rules.fixed_amount).map(([currency, amount]) => `+${formatMoney(amount, currency)}`)
  const rounding = typeof rules.rounding === "string" ? rules.rounding : `steps of ${rules.rounding.step}`
  const overrides = rules.overridden_packages ? ` · ${rules.overridden_packages} package overrides` : ""
  return `cost × ${1 + rules.markup_percent / 100}${fixed.length ? ` ${fixed.join(" / ")}` : ""} · rounded up (${rounding}) · margin floor ${rules.margin_floor_percent}%${overrides}`
}

const QuoteCell = ({ quote }: { quote: PriceQuote }) => {
  if (quote.amount === null) {
    return (
      <Tooltip content={quote.problem ?? "not priced"}>
        <Text size="small" className="text-ui-fg-muted">
          not priced
        </Text>
      </Tooltip>
    )
  }
  return (
    <Text size="small" className={quote.below_floor ? "text-ui-fg-error" : undefined}>
      {formatMoney(quote.amount, quote.currency_code)}
      <span className="text-ui-fg-subtle"> · {quote.margin_percent ?? "—"}%</span>
    </Text>
  )
}

/** The pricing rules and their effect (cost, price, margin) on a few catalogue packages. */
export const PricingPreviewTable = () => {
  const { data: preview, error, isPending, refetch } = usePricingPreview(PREVIEW_SIZE)
  if (isPending) {
    return <SectionSkeleton rows={3} />
  }
  if (error || !preview) {
    return <SectionError title="Could not preview the pricing rules" error={error} onRetry={() => refetch()} />
  }
  return (
    <div className="flex flex-col gap-y-2 py-4" data-testid="esim-pricing-preview">
      <Text size="small" className="text-ui-fg-subtle px-6">
        Pricing: {rulesText(preview.rules)}
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Package</Table.HeaderCell>
            <Table.HeaderCell className="text-right">esimfly cost</Table.HeaderCell>
            {preview.rules.currencies.map((currency) => (
              <Table.HeaderCell key={currency} className="text-right">
                {currency.toUpperCase()} price · margin
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {preview.packages.map((pkg) => (
            <Table.Row key={pkg.package_code}>
              <Table.Cell>
                {pkg.destination} · {pkg.plan}
                <span className="text-ui-fg-subtle"> ({pkg.package_code})</span>
              </Table.Cell>
              <Table.Cell className="text-right">{formatMoney(pkg.cost, pkg.currency)}</Table.Cell>
              {pkg.prices.map((quote) => (
                <Table.Cell key={quote.currency_code} className="text-right">
                  <QuoteCell quote={quote} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
