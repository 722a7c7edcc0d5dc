import { DataTable, useDataTable } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useEsimOrders } from "../hooks/use-esim-orders"
import { useTableFilters } from "../hooks/use-table-filters"
import { dateRangeOf, valuesOf } from "../lib/table-state"
import { ESIM_ORDER_STATUSES } from "../lib/types"
import { esimOrderColumns, esimOrderFilters } from "./esim-orders-columns"
import { DataTableCard } from "./data-table-card"

const PAGE_SIZE = 20

/** Every eSIM purchase the plugin made, filterable by status and date; a row opens its order. */
export const EsimOrdersTable = () => {
  const navigate = useNavigate()
  const { pagination, filtering, options } = useTableFilters(PAGE_SIZE, esimOrderFilters)
  const query = {
    status: valuesOf(filtering, "status", ESIM_ORDER_STATUSES),
    ...dateRangeOf(filtering, "created_at"),
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  }
  const esimOrders = useEsimOrders(query, { keepPrevious: true })

  const table = useDataTable({
    ...options,
    columns: esimOrderColumns,
    data: esimOrders.data?.esim_orders ?? [],
    getRowId: (row) => row.id,
    rowCount: esimOrders.data?.count ?? 0,
    isLoading: esimOrders.isPending,
    onRowClick: (_, row) => navigate(`/orders/${row.order_id}`),
  })

  return (
    <DataTableCard
      table={table}
      query={esimOrders}
      testId="esim-orders-table"
      title="eSIM orders"
      description="Every purchase the plugin made at esimfly, up to 10 eSIMs each. Click a row to open its order."
      tools={<DataTable.FilterMenu tooltip="Filter" />}
      errorTitle="Could not load the eSIM orders"
      empty={{
        heading: "No eSIM orders yet",
        description: "They appear here when a customer buys a variant with an esimfly package code.",
      }}
      filtered={{ heading: "No eSIM orders match", description: "Try another status or date range." }}
    />
  )
}
