import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { esimQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import { EsimflyHistoryQuery, EsimflyHistoryResponse } from "../lib/types"

/** One page of esimfly's own order history; the previous page stays on screen while the next loads. */
export const useEsimflyHistory = (query: EsimflyHistoryQuery) =>
  useQuery({
    queryKey: esimQueryKeys.history(query),
    queryFn: () => sdk.client.fetch<EsimflyHistoryResponse>("/admin/esimfly/orders", { query }),
    placeholderData: keepPreviousData,
  })
