import { Button, Container, toast } from "@medusajs/ui"
import { useCatalogueSyncStatus, useSyncCatalogue } from "../hooks/use-catalogue-sync"
import { requestErrorText } from "../lib/format"
import { CardHeader } from "./card-header"
import { CatalogueSyncResultView } from "./catalogue-sync-result"
import { PricingPreviewTable } from "./pricing-preview-table"
import { SectionError, SectionSkeleton } from "./section-states"

/**
 * The esimfly catalogue as products: "Sync now" with live progress, the last run's result,
 * and the pricing rules applied to a few packages.
 */
export const CatalogueSyncCard = () => {
  const sync = useSyncCatalogue()
  const { data: status, error, isPending, refetch } = useCatalogueSyncStatus({ poll: sync.isPending })
  const running = sync.isPending || status?.state === "running"

  const start = () =>
    sync.mutate(undefined, {
      onSuccess: ({ result }) =>
        toast.success("Catalogue synced", {
          description: `${result.products_created} products and ${result.variants_created} variants created, ${result.variants_updated} variants updated, ${result.variants_deactivated} deactivated.`,
        }),
      onError: (err) => toast.error("The catalogue sync failed", { description: requestErrorText(err) }),
    })

  return (
    <Container className="divide-y p-0" data-testid="esim-catalogue">
      <CardHeader
        title="Catalogue"
        description="esimfly packages as products: one per destination, one variant per plan. A job syncs them every 12 hours by default."
        actions={
          <Button
            size="small"
            variant="secondary"
            isLoading={running}
            disabled={running}
            onClick={start}
            data-testid="esim-catalogue-sync"
          >
            Sync now
          </Button>
        }
      />
      {isPending && <SectionSkeleton rows={2} />}
      {error && <SectionError title="Could not read the catalogue sync" error={error} onRetry={() => refetch()} />}
      {status && <CatalogueSyncResultView status={status} />}
      <PricingPreviewTable />
    </Container>
  )
}
