import { ArrowPath } from "@medusajs/icons"
import { Badge, Button, Container, Text, toast } from "@medusajs/ui"
import { useEsimflyOrphans, useReconcileEsimOrders } from "../hooks/use-esimfly-orphans"
import { formatDateTime, formatMoney, requestErrorText } from "../lib/format"
import { EsimflyOrphan } from "../lib/orphan-types"
import { CardHeader } from "./card-header"
import { SectionEmpty, SectionError, SectionSkeleton } from "./section-states"

const OrphanRow = ({ orphan }: { orphan: EsimflyOrphan }) => (
  <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-3" data-testid="esimfly-orphan-row">
    <div className="flex min-w-0 flex-col gap-y-1">
      <Text size="small" weight="plus" className="font-mono">
        {orphan.order_reference}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {orphan.package_name ?? orphan.package_code ?? "Unknown package"} ·{" "}
        {formatMoney(orphan.amount, orphan.currency)} · {formatDateTime(orphan.created_at)}
      </Text>
    </div>
    {orphan.possible_esim_order_ids.length ? (
      <Badge size="2xsmall" color="orange">
        Likely a lost answer: reconciliation adopts it
      </Badge>
    ) : (
      <Badge size="2xsmall" color="grey">
        Bought outside this store
      </Badge>
    )}
  </div>
)

/** esimfly orders no purchase of the store claims, and a button that reconciles unsettled purchases now. */
export const OrphanOrdersCard = () => {
  const { data, error, isPending, refetch } = useEsimflyOrphans()
  const reconcile = useReconcileEsimOrders()
  const run = () =>
    reconcile.mutate(undefined, {
      onSuccess: ({ settled }) =>
        settled.length
          ? toast.success(`Reconciled ${settled.length} purchase${settled.length === 1 ? "" : "s"}`)
          : toast.info("Nothing to reconcile yet", {
              description: "Purchases whose answer was lost in the last 2 minutes wait, in case it still arrives.",
            }),
      onError: (failure) => toast.error("Reconciliation failed", { description: requestErrorText(failure) }),
    })
  const orphans = data?.orphans ?? []
  return (
    <Container className="divide-y p-0" data-testid="esimfly-orphans">
      <CardHeader
        title={`esimfly orders without a purchase here${orphans.length ? ` (${orphans.length})` : ""}`}
        description="Orders in esimfly's history over the last 7 days that no eSIM purchase of this store claims."
        actions={
          <Button size="small" variant="secondary" isLoading={reconcile.isPending} onClick={run}>
            <ArrowPath />
            Reconcile now
          </Button>
        }
      />
      {isPending && <SectionSkeleton rows={2} />}
      {error && <SectionError title="Could not read esimfly's order history" error={error} onRetry={() => refetch()} />}
      {data && !orphans.length && (
        <SectionEmpty
          positive
          title="Every esimfly order belongs to a purchase"
          description={`${data.scanned} esimfly orders checked.`}
        />
      )}
      {orphans.map((orphan) => (
        <OrphanRow key={orphan.order_reference} orphan={orphan} />
      ))}
    </Container>
  )
}
