import { Text, createDataTableColumnHelper } from "@medusajs/ui"
import { formatDateTime, formatMoney, isAbsoluteUrl } from "../lib/format"
import { statusAndDateFilters } from "../lib/table-state"
import { EsimflyHistoryOrder, HISTORY_STATUSES } from "../lib/types"
import { EsimStatusBadge } from "./esim-status-badge"

const column = createDataTableColumnHelper<EsimflyHistoryOrder>()

const PackageCell = ({ order }: { order: EsimflyHistoryOrder }) => (
  <div className="flex items-center gap-x-2">
    {isAbsoluteUrl(order.flag_url) && (
      <img src={order.flag_url} alt="" className="h-3 w-4 shrink-0 rounded-sm object-cover" />
    )}
    <div className="flex min-w-0 flex-col">
      <Text size="small" leading="compact" className="truncate">
        {order.package_name ?? order.package_code ?? "—"}
      </Text>
      {order.package_name && order.package_code && (
        <Text size="xsmall" className="text-ui-fg-subtle font-mono">
          {order.package_code}
        </Text>
      )}
    </div>
  </div>
)

/** Columns of esimfly's own order history; created, amount and status sort on esimfly's side. */
export const historyColumns = [
  column.accessor("created_at", {
    header: "Created",
    enableSorting: true,
    sortLabel: "Created",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ getValue }) => formatDateTime(getValue()),
  }),
  column.accessor("order_reference", {
    header: "Reference",
    cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
  }),
  column.accessor("package_name", { header: "Package", cell: ({ row }) => <PackageCell order={row.original} /> }),
  column.accessor("status", {
    header: "Status",
    enableSorting: true,
    sortLabel: "Status",
    cell: ({ getValue }) => <EsimStatusBadge status={getValue()} />,
  }),
  column.accessor("amount", {
    header: "Amount",
    align: "right",
    enableSorting: true,
    sortLabel: "Amount",
    sortAscLabel: "Lowest first",
    sortDescLabel: "Highest first",
    cell: ({ row }) => formatMoney(row.original.amount, row.original.currency),
  }),
]

/** esimfly filters by one status at a time, and by date. */
export const historyFilters = () => statusAndDateFilters(HISTORY_STATUSES, "radio")
