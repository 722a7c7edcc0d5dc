import { DataTableFilter, DataTableFilteringState, DataTablePaginationState } from "@medusajs/ui"
import { useMemo, useState } from "react"

/**
 * The page and filter state of a DataTable whose rows the server filters and pages, and `options` that wire
 * that state into useDataTable. `makeFilters` runs once, so date presets stay relative to when the table mounts.
 */
export function useTableFilters(pageSize: number, makeFilters: () => DataTableFilter[]) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const filters = useMemo(makeFilters, [])
  const options = {
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: pagination, onPaginationChange: setPagination },
  }
  return { pagination, filtering, options }
}
