import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { CatalogueSyncResult, CatalogueSyncStatus, PricingPreview } from "../lib/catalogue-types"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** How often the card asks for progress while a sync runs. */
const POLL_MS = 1000

/** The running sync's progress or the last result; polls while a sync runs (here or from the job). */
export const useCatalogueSyncStatus = (options: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: esimQueryKeys.catalogueSync(),
    queryFn: () => sdk.client.fetch<{ catalogue_sync: CatalogueSyncStatus }>("/admin/esimfly/catalogue/sync"),
    select: (data) => data.catalogue_sync,
    refetchInterval: (query) =>
      options.poll || query.state.data?.catalogue_sync.state === "running" ? POLL_MS : false,
  })

/** Runs a sync now; the request answers when the sync is done, so progress comes from the status query. */
export const useSyncCatalogue = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ result: CatalogueSyncResult }>("/admin/esimfly/catalogue/sync", { method: "POST", body: {} }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.catalogueSync() }),
        // The dashboard's own product lists show the synced products.
        queryClient.invalidateQueries({ queryKey: ["products"] }),
      ])
    },
  })
}

/** The pricing rules and what they make of the first `limit` catalogue packages. */
export const usePricingPreview = (limit: number) =>
  useQuery({
    queryKey: esimQueryKeys.pricingPreview(limit),
    queryFn: () =>
      sdk.client.fetch<{ pricing_preview: PricingPreview }>("/admin/esimfly/pricing-preview", { query: { limit } }),
    select: (data) => data.pricing_preview,
    staleTime: 5 * 60_000,
  })
