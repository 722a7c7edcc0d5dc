import {
  Container,
  DataTable,
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useEsimflyHistory } from "../hooks/use-esimfly-history"
import { formatAmount } from "../lib/format"
import { dateRangeOf, valueOf } from "../lib/table-state"
import { EsimflyHistoryQuery, EsimflyHistoryResponse, HISTORY_STATUSES } from "../lib/types"
import { historyColumns, historyFilters } from "./esimfly-history-columns"
import { SectionError } from "./section-states"

const PAGE_SIZE = 20
const SORTABLE = ["created_at", "amount", "status"] as const

function sortOf(sorting: DataTableSortingState | null): Pick<EsimflyHistoryQuery, "sort_by" | "sort_order"> {
  const sortBy = SORTABLE.find((id) => id === sorting?.id)
  return sortBy ? { sort_by: sortBy, sort_order: sorting?.desc ? "desc" : "asc" } : {}
}

/** esimfly reports revenue without a currency; it is shown with the page's currency only when all rows agree. */
const Summary = ({ data }: { data: EsimflyHistoryResponse }) => {
  const currencies = new Set(data.orders.map((order) => order.currency?.toUpperCase()).filter(Boolean))
  const currency = currencies.size === 1 ? [...currencies][0] : null
  const count = data.summary.total_orders ?? 0
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="esimfly-history-summary">
      {count} order{count === 1 ? "" : "s"} · {formatAmount(data.summary.total_revenue, currency)} in total
    </Text>
  )
}

/** esimfly's own order history (every order on the account, not just this shop's), searched and sorted by esimfly. */
export const EsimflyHistoryTable = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [sorting, setSorting] = useState<DataTableSortingState | null>({ id: "created_at", desc: true })
  const [search, setSearch] = useState("")
  const query: EsimflyHistoryQuery = {
    page: pagination.pageIndex + 1,
    limit: pagination.pageSize,
    status: valueOf(filtering, "status", HISTORY_STATUSES),
    ...dateRangeOf(filtering, "created_at"),
    ...(search.trim() ? { search: search.trim() } : {}),
    ...sortOf(sorting),
  }
  const { data, error, isPending, refetch } = useEsimflyHistory(query)
  const filters = useMemo(historyFilters, [])

  const table = useDataTable({
    columns: historyColumns,
    data: data?.orders ?? [],
    getRowId: (row) => row.order_reference,
    rowCount: data?.pagination.total ?? 0,
    isLoading: isPending,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    sorting: { state: sorting, onSortingChange: setSorting },
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="esimfly-history-table">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading level="h2">esimfly order history</Heading>
            {data ? <Summary data={data} /> : <Text size="small" className="text-ui-fg-subtle">Every order on your esimfly account.</Text>}
          </div>
          <div className="flex w-full items-center gap-2 md:w-auto">
            <DataTable.Search placeholder="Search" />
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.SortingMenu tooltip="Sort" />
          </div>
        </DataTable.Toolbar>
        {error ? (
          <SectionError title="Could not load esimfly's order history" error={error} onRetry={() => refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: "No esimfly orders yet", description: "Orders placed on your esimfly account appear here." },
              filtered: { heading: "No esimfly orders match", description: "Try another search, status or date range." },
            }}
          />
        )}
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
