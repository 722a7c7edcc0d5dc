import { useMutation, useQueryClient } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimOrder } from "../lib/types"

/** Retries a held, failed or unsettled eSIM order. It may buy eSIMs, so callers confirm first. */
export const useRetryEsimOrder = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ esim_order: EsimOrder }>(`/admin/esim-orders/${id}/retry`, { method: "POST", body: {} }),
    onSettled: async () => {
      // A retry may have spent balance and changed the eSIM order whatever its answer was.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.esimOrders() }),
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.balance() }),
        // The dashboard's own order queries: a retry can add a fulfillment to the page.
        queryClient.invalidateQueries({ queryKey: ["orders"] }),
      ])
    },
  })
}

/** Sends the order's eSIM delivery email again. */
export const useResendEsimEmail = () =>
  useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ notification: { status: string } }>(`/admin/esim-orders/${id}/resend`, {
        method: "POST",
        body: {},
      }),
  })

/** Cancels an eSIM order's eSIMs at esimfly (refunded to the esimfly balance); the outcome is written on the eSIM order. */
export const useCancelEsimOrder = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ esim_order: EsimOrder; cancel: { outcome: string; message: string | null } }>(
        `/admin/esim-orders/${id}/cancel`,
        { method: "POST", body: {} }
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.esimOrders() }),
        queryClient.invalidateQueries({ queryKey: esimQueryKeys.balance() }),
      ])
    },
  })
}
