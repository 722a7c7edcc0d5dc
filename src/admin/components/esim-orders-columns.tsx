import { Text, createDataTableColumnHelper } from "@medusajs/ui"
import { formatDateTime, formatMoney, esimOrderErrorText } from "../lib/format"
import { statusAndDateFilters } from "../lib/table-state"
import { ESIM_ORDER_STATUSES, EsimOrder } from "../lib/types"
import { EsimStatusBadge } from "./esim-status-badge"

const column = createDataTableColumnHelper<EsimOrder>()

/** Columns of the plugin's eSIM orders. */
export const esimOrderColumns = [
  column.accessor("created_at", { header: "Created", cell: ({ getValue }) => formatDateTime(getValue()) }),
  column.accessor("order_id", {
    header: "Order",
    cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
  }),
  column.accessor("package_code", {
    header: "Package",
    cell: ({ row }) => `${row.original.quantity} × ${row.original.package_code}`,
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <EsimStatusBadge status={getValue()} /> }),
  column.display({
    id: "esims",
    header: "eSIMs",
    cell: ({ row }) => `${row.original.esims?.length ?? 0} of ${row.original.quantity}`,
  }),
  column.accessor("amount", {
    header: "Cost",
    align: "right",
    cell: ({ row }) => formatMoney(row.original.amount, row.original.currency_code),
  }),
  column.accessor("error_code", {
    header: "Problem",
    cell: ({ row }) => (
      <Text size="small" className="text-ui-fg-error truncate">
        {esimOrderErrorText(row.original) ?? ""}
      </Text>
    ),
  }),
]

/** Status (several at once) and creation date. */
export const esimOrderFilters = () => statusAndDateFilters(ESIM_ORDER_STATUSES, "select")
