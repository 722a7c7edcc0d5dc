import { useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimflyRateLimit } from "../lib/types"

/** The API quota; reading it costs no esimfly call, so it refreshes every 15 s. */
export const useEsimflyRateLimit = () =>
  useQuery({
    queryKey: esimQueryKeys.rateLimit(),
    queryFn: () => sdk.client.fetch<{ rate_limit: EsimflyRateLimit }>("/admin/esimfly/rate-limit"),
    select: (data) => data.rate_limit,
    refetchInterval: 15_000,
  })
