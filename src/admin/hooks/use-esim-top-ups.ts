import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimTopUp, EsimTopUpsResponse } from "../lib/types"

/** The top-ups bought in one order, newest first. */
export const useEsimTopUps = (orderId: string) =>
  useQuery({
    queryKey: esimQueryKeys.esimTopUps(orderId),
    queryFn: () =>
      sdk.client.fetch<EsimTopUpsResponse>("/admin/esim-top-ups", { query: { order_id: orderId, limit: 100 } }),
    select: (data) => data.esim_top_ups,
  })

/** Sends a held top-up (or one esimfly refused) again; the server refuses any other. */
export const useRetryEsimTopUp = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ esim_top_up: EsimTopUp }>(`/admin/esim-top-ups/${id}/retry`, { method: "POST", body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: esimQueryKeys.esimTopUps(orderId) }),
  })
}
