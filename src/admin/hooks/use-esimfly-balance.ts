import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimflyBalance } from "../lib/types"

/** The esimfly wholesale balance; the route caches it briefly, so a minute of staleness is fine here too. */
export const useEsimflyBalance = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: esimQueryKeys.balance(),
    queryFn: () => sdk.client.fetch<{ balance: EsimflyBalance }>("/admin/esimfly/balance"),
    select: (data) => data.balance,
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  })

/** Reads the balance from esimfly now, past the route's cache: for the card's refresh button. */
export const useRefreshEsimflyBalance = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ balance: EsimflyBalance }>("/admin/esimfly/balance", { query: { refresh: true } }),
    onSuccess: (data) => {
      queryClient.setQueryData(esimQueryKeys.balance(), data)
      // The refresh spent one call of the API quota.
      queryClient.invalidateQueries({ queryKey: esimQueryKeys.rateLimit() })
    },
  })
}
