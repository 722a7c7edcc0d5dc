import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { EsimflyOrphansResponse, ReconcileResponse } from "../lib/orphan-types"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** esimfly orders of the last week that no purchase of this store claims. */
export const useEsimflyOrphans = () =>
  useQuery({
    queryKey: esimQueryKeys.orphans(),
    queryFn: () => sdk.client.fetch<EsimflyOrphansResponse>("/admin/esimfly/orphans"),
  })

/** Runs reconciliation now: unsettled purchases adopt the order esimfly created, or buy once more when none exists. */
export const useReconcileEsimOrders = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<ReconcileResponse>("/admin/esimfly/reconcile", { method: "POST", body: {} }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.orphans() }),
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.esimOrders() }),
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.balance() }),
      ])
    },
  })
}
