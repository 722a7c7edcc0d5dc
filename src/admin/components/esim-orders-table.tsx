import { Container, DataTable, DataTableFilteringState, DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useEsimOrders } from "../hooks/use-esim-orders"
import { dateRangeOf, valuesOf } from "../lib/table-state"
import { ESIM_ORDER_STATUSES } from "../lib/types"
import { esimOrderColumns, esimOrderFilters } from "./esim-orders-columns"
import { SectionError } from "./section-states"

const PAGE_SIZE = 20

/** Every eSIM purchase the plugin made, filterable by status and date; a row opens its order. */
export const EsimOrdersTable = () => {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const query = {
    status: valuesOf(filtering, "status", ESIM_ORDER_STATUSES),
    ...dateRangeOf(filtering, "created_at"),
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  }
  const { data, error, isPending, refetch } = useEsimOrders(query, { keepPrevious: true })
  const filters = useMemo(esimOrderFilters, [])

  const table = useDataTable({
    columns: esimOrderColumns,
    data: data?.esim_orders ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading: isPending,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, row) => navigate(`/orders/${row.order_id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="esim-orders-table">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading level="h2">eSIM orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Every purchase the plugin made at esimfly, up to 10 eSIMs each. Click a row to open its order.
            </Text>
          </div>
          <DataTable.FilterMenu tooltip="Filter" />
        </DataTable.Toolbar>
        {error ? (
          <SectionError title="Could not load the eSIM orders" error={error} onRetry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: "No eSIM orders yet", description: "They appear here when a customer buys a variant with an esimfly package code." },
              filtered: { heading: "No eSIM orders match", description: "Try another status or date range." },
            }}
          />
        )}
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
