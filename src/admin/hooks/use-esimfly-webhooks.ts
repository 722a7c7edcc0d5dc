import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimflyWebhooks } from "../lib/types"

/** Whether esimfly's webhooks are connected, the last event received and the refused signatures; read from the database only. */
export const useEsimflyWebhooks = () =>
  useQuery({
    queryKey: esimQueryKeys.webhooks(),
    queryFn: () => sdk.client.fetch<{ webhooks: EsimflyWebhooks }>("/admin/esimfly/webhooks"),
    select: (data) => data.webhooks,
    staleTime: 30_000,
  })

/** Connects (or reconnects, rotating the secret) esimfly's webhooks to this store. */
export const useConnectEsimflyWebhooks = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ webhooks: EsimflyWebhooks }>("/admin/esimfly/webhooks/connect", { method: "POST", body: {} }),
    onSuccess: (data) => {
      queryClient.setQueryData(esimQueryKeys.webhooks(), data)
      // Setting the webhook spent one call of the API quota.
      queryClient.invalidateQueries({ queryKey: esimQueryKeys.rateLimit() })
    },
  })
}
