import { DataTable, DataTableSortingState, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useEsimflyHistory } from "../hooks/use-esimfly-history"
import { useTableFilters } from "../hooks/use-table-filters"
import { formatAmount } from "../lib/format"
import { dateRangeOf, valueOf } from "../lib/table-state"
import { EsimflyHistoryQuery, EsimflyHistoryResponse, HISTORY_STATUSES } from "../lib/types"
import { historyColumns, historyFilters } from "./esimfly-history-columns"
import { DataTableCard } from "./data-table-card"

const PAGE_SIZE = 20
const SORTABLE = ["created_at", "amount", "status"] as const

function sortOf(sorting: DataTableSortingState | null): Pick<EsimflyHistoryQuery, "sort_by" | "sort_order"> {
  const sortBy = SORTABLE.find((id) => id === sorting?.id)
  return sortBy ? { sort_by: sortBy, sort_order: sorting?.desc ? "desc" : "asc" } : {}
}

/** esimfly reports revenue without a currency; it is shown with the page's currency only when all rows agree. */
function summaryText(data: EsimflyHistoryResponse): string {
  const currencies = new Set(data.orders.map((order) => order.currency?.toUpperCase()).filter(Boolean))
  const currency = currencies.size === 1 ? [...currencies][0] : null
  const count = data.summary.total_orders ?? 0
  return `${count} order${count === 1 ? "" : "s"} · ${formatAmount(data.summary.total_revenue, currency)} in total`
}

/** esimfly's own order history (every order on the account, not just this shop's), searched and sorted by esimfly. */
export const EsimflyHistoryTable = () => {
  const { pagination, filtering, options } = useTableFilters(PAGE_SIZE, historyFilters)
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
  const history = useEsimflyHistory(query)
  const { data, isPending } = history

  const table = useDataTable({
    ...options,
    columns: historyColumns,
    data: data?.orders ?? [],
    getRowId: (row) => row.order_reference,
    rowCount: data?.pagination.total ?? 0,
    isLoading: isPending,
    sorting: { state: sorting, onSortingChange: setSorting },
    search: { state: search, onSearchChange: setSearch },
  })

  return (
    <DataTableCard
      table={table}
      query={history}
      testId="esimfly-history-table"
      title="esimfly order history"
      description={data ? summaryText(data) : "Every order on your esimfly account."}
      descriptionTestId={data ? "esimfly-history-summary" : undefined}
      tools={
        <div className="flex w-full items-center gap-2 md:w-auto">
          <DataTable.Search placeholder="Search" />
          <DataTable.FilterMenu tooltip="Filter" />
          <DataTable.SortingMenu tooltip="Sort" />
        </div>
      }
      errorTitle="Could not load esimfly's order history"
      empty={{ heading: "No esimfly orders yet", description: "Orders placed on your esimfly account appear here." }}
      filtered={{ heading: "No esimfly orders match", description: "Try another search, status or date range." }}
    />
  )
}
