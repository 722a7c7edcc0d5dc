import { Table, Text } from "@medusajs/ui"
import { formatMoney } from "../lib/format"
import { ProfitRow } from "../lib/types"

const NOT_COMPARABLE = "not comparable (different currencies)"

const ProfitCell = ({ row }: { row: ProfitRow }) => {
  if (row.profit === null) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        {NOT_COMPARABLE}
      </Text>
    )
  }
  const rate = row.exchange_rate
  return (
    <div className="flex flex-col">
      <Text size="small" weight="plus" className={row.profit < 0 ? "text-ui-fg-error" : undefined}>
        {formatMoney(row.profit, row.currency_code)}
        {row.margin_percent !== null && <span className="text-ui-fg-subtle font-normal"> · {row.margin_percent}%</span>}
      </Text>
      {rate && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          cost at 1 {rate.from.toUpperCase()} = {rate.rate} {rate.to.toUpperCase()}
        </Text>
      )}
    </div>
  )
}

/** One line per (store currency, esimfly currency) pair; amounts in different currencies are never added up. */
export const ProfitTable = ({ rows }: { rows: ProfitRow[] }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Currencies</Table.HeaderCell>
        <Table.HeaderCell>Sold</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
        <Table.HeaderCell className="text-right">esimfly cost</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Profit · margin</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {rows.map((row) => (
        <Table.Row key={`${row.currency_code}/${row.cost_currency_code}`} data-testid="esim-profit-row">
          <Table.Cell>
            {row.currency_code.toUpperCase()}
            {row.cost_currency_code !== row.currency_code && (
              <span className="text-ui-fg-subtle"> · cost in {row.cost_currency_code.toUpperCase()}</span>
            )}
          </Table.Cell>
          <Table.Cell>
            {row.esims_count} eSIM{row.esims_count === 1 ? "" : "s"} in {row.orders_count} order
            {row.orders_count === 1 ? "" : "s"}
          </Table.Cell>
          <Table.Cell className="text-right">{formatMoney(row.revenue, row.currency_code)}</Table.Cell>
          <Table.Cell className="text-right">{formatMoney(row.cost, row.cost_currency_code)}</Table.Cell>
          <Table.Cell className="text-right">
            <div className="flex justify-end py-2">
              <ProfitCell row={row} />
            </div>
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  </Table>
)
