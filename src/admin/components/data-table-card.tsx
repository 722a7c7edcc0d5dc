import { Container, DataTable, DataTableEmptyStateContent, useDataTable } from "@medusajs/ui"
import { ReactNode } from "react"
import { CardTitle } from "./card-header"
import { SectionError } from "./section-states"

type DataTableCardProps<TData> = {
  table: ReturnType<typeof useDataTable<TData>>
  testId: string
  title: string
  description: ReactNode
  descriptionTestId?: string
  /** The toolbar's controls on the right: filter, search, sort. */
  tools: ReactNode
  /** The rows' query: its error replaces the rows, with a retry. */
  query: { error: unknown; refetch: () => unknown }
  errorTitle: string
  empty: DataTableEmptyStateContent
  filtered: DataTableEmptyStateContent
}

/** A DataTable in a card: title and tools on top, the rows (or why they failed to load), then pagination. */
export const DataTableCard = <TData,>({
  table,
  query,
  testId,
  tools,
  errorTitle,
  empty,
  filtered,
  ...title
}: DataTableCardProps<TData>) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
        <CardTitle {...title} />
        {tools}
      </DataTable.Toolbar>
      {query.error ? (
        <SectionError title={errorTitle} error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <DataTable.Table emptyState={{ empty, filtered }} />
      )}
      <DataTable.Pagination />
    </DataTable>
  </Container>
)
